import PolicyCore
import PolicyModel
import PolicyWrite

/// The bundle files a site publishes, copied to `d/<id>/` under their bundle names so that
/// relative references in the Markdown keep working. Only files the document refers to
/// (official version, attachments, media, links and images in the bodies) are published:
/// a draft left lying in a bundle is not.
extension SiteContext {
    func publishedFiles(of document: Document) -> [String] { raw.publishedFiles(of: document) }

    func copies(of document: Document) -> [OutputFile] {
        guard let bundle = raw.bundle(id: document.id) else { return [] }
        return publishedFiles(of: document).map { file in
            OutputFile(SitePath.bundleFile(document.id, file), .copy(from: raw.rootPath + "/" + bundle.path + "/" + file))
        }
    }
}
