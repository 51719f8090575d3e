import PolicyCore

/// Every rule `policy check` runs, in code order. A test checks that the codes are unique
/// and well-formed, that every file in `Rules/` is listed here, and that docs/rules.md has a
/// row for each.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        FileIsReadable.self,
        FrontMatterParses.self,
        KnownFieldsOnly.self,
        RequiredFieldsPresent.self,
        DatesAreValid.self,
        ValuesAreKnown.self,
        BundleIDsAreValid.self,
        SiteConfigIsValid.self,
        CalendarIsValid.self,
        NoSymlinks.self,
        PublishedPathsAreDistinct.self,
        TitleLengthIsSensible.self,
        VersionFanOutIsSmall.self,
        ReferencesResolve.self,
        SupersedesHasNoCycle.self,
        RepealAgreesWithCleanup.self,
        CleanupIsChronological.self,
        CleanupActsOnOwnDocuments.self,
        InterpretationIsPresent.self,
        InterpretationIsSimultaneous.self,
        InterpretationCoversTopics.self,
        QuestionsHaveAnswers.self,
        InterpretationExplains.self,
        InterpretationOfficeMatches.self,
        InterpretationExemptIsDecided.self,
        SpokenInterpretationCovers.self,
        NumberIsWellFormed.self,
        NumberYearMatchesSigning.self,
        NumberIsUnique.self,
        NumberMatchesKind.self,
        NumberIsCleanlyWritten.self,
        DatesAreInOrder.self,
        ValidityPeriodIsSet.self,
        DisclosureIsTimely.self,
        CalendarCoversDates.self,
        FilesExist.self,
        ImagesHaveAltText.self,
        VideosHaveCaptions.self,
        DocumentLinksResolve.self,
        AttachmentsAreInert.self,
        NoPersonalData.self,
        IndexNumberIsWellFormed.self,
        ScheduledIsListed.self,
        WithheldIsListed.self,
        NoLinkToWithheld.self,
        NoClassificationMarks.self,
        PublishedFilesAreReviewed.self,
        LibraryFileIsValid.self,
        SourceIDsAreValid.self,
        SourceLocationIsValid.self,
        SourceFactsAreValid.self,
        SourceGatePassed.self,
        ImplementsResolve.self,
        QuestionFieldsPresent.self,
        QuestionChannelIsKnown.self,
        QuestionDateIsValid.self,
        QuestionReferencesResolve.self,
        QuestionIDsAreUnique.self,
        QuestionBasisIsInForce.self,
        QuestionFieldsAreKnown.self,
    ]

    /// The rules a system library is checked by as a whole (library.yml, the sources'
    /// gates, references across sources); each source is checked by all the others.
    public static var system: [any Rule.Type] { all.filter { $0.descriptor.code.hasPrefix("PL") } }

    public static func rule(code: String) -> (any Rule.Type)? {
        all.first { $0.descriptor.code == code || $0.descriptor.name == code }
    }
}
