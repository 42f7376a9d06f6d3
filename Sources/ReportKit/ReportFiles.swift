// The report folder's files: index.html, claims.csv, claims.json, and copies of every image
// it shows. Images are copied, never linked, so the folder can be zipped, moved or opened
// via file:// on another machine and still show everything.

import Claims
import Foundation
import Sim

public enum ReportFileError: Error, CustomStringConvertible {
    /// A path inside the report folder that is absolute or climbs out of it.
    case unsafePath(String)
    /// index.html is not well-formed XML.
    case notXML(path: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .unsafePath(let p): return "\(p): not a relative path inside the report folder"
        case .notXML(let path, let line, let message): return "\(path):\(line): not well-formed XHTML: \(message)"
        }
    }
}

public enum ReportFiles {
    public static let htmlName = "index.html"
    public static let csvName = "claims.csv"
    public static let jsonName = "claims.json"

    /// claims.csv: `ClaimRow.csvColumns`, then one record per row (RFC 4180, LF line ends).
    public static func csv(_ rows: [ClaimRow]) -> String {
        CSV.record(ClaimRow.csvColumns) + rows.map { CSV.record($0.csvFields) }.joined()
    }

    /// claims.json: the report's scale, its counts per status (every status, zeros included,
    /// so scripts need no defaults), every row and the provenance.
    public static func json(_ page: ReportPage) throws -> Data {
        struct Document: Encodable {
            var scale: String
            var summary: [String: Int]
            var claims: [ClaimRow]
            var provenance: Provenance
        }
        let counts = page.counts()
        let summary = Dictionary(uniqueKeysWithValues: ClaimStatus.allCases.map { ($0.rawValue, counts[$0, default: 0]) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(scale: page.scale, summary: summary, claims: page.rows,
                                               provenance: page.provenance))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Copies `source` to `relative` inside `folder` (creating directories, replacing an older
    /// copy atomically) and returns `relative` for the page; nil when `source` does not exist
    /// (the page then shows "not drawn").
    public static func copyImage(_ source: URL, to relative: String, in folder: URL) throws -> String? {
        guard isSafeRelative(relative) else { throw ReportFileError.unsafePath(relative) }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDir), !isDir.boolValue else {
            return nil
        }
        let data = try Data(contentsOf: source)
        try AtomicFile.write(data, to: folder.appendingPathComponent(relative))
        return relative
    }

    /// Writes index.html, claims.csv and claims.json into `folder`, each atomically (a reader
    /// never sees half a file; the images must already have been copied with `copyImage`).
    public static func write(_ page: ReportPage, to folder: URL) throws {
        try AtomicFile.ensureDirectory(folder)
        try AtomicFile.write(csv(page.rows), to: folder.appendingPathComponent(csvName))
        try AtomicFile.write(try json(page), to: folder.appendingPathComponent(jsonName))
        try AtomicFile.write(HTMLPage.render(page), to: folder.appendingPathComponent(htmlName))
    }

    /// Relative, not empty, no `..` component: stays inside the folder it is resolved in.
    static func isSafeRelative(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.hasPrefix("~")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains("..")
    }
}
