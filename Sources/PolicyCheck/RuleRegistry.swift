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
        QuestionFieldsPresent.self,
        QuestionChannelIsKnown.self,
        QuestionDateIsValid.self,
        QuestionReferencesResolve.self,
        QuestionIDsAreUnique.self,
        QuestionBasisIsInForce.self,
        QuestionFieldsAreKnown.self,
    ]

    public static func rule(code: String) -> (any Rule.Type)? {
        all.first { $0.descriptor.code == code || $0.descriptor.name == code }
    }
}
