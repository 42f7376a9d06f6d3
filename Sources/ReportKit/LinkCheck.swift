// Checks that a written report folder is self-contained: index.html parses as XML, every
// src/href names an existing file inside the folder (no "..", no absolute path, no URL, no
// symlink out) and every #fragment names an id on the page.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

extension ReportFiles {
    /// One line per broken link of `folder`/index.html (empty when all resolve); throws when
    /// the page cannot be read or is not well-formed.
    public static func brokenLinks(in folder: URL) throws -> [String] {
        let page = folder.appendingPathComponent(htmlName)
        let links = try LinkCollector.collect(Data(contentsOf: page), path: page.path)
        let root = folder.standardizedFileURL.resolvingSymlinksInPath().path
        var broken: [String] = []
        for link in links.links {
            let label = "<\(link.element) \(link.attribute)=\"\(link.value)\">"
            if link.value.hasPrefix("#") {
                if !links.ids.contains(String(link.value.dropFirst())) { broken.append("\(label): no such id on the page") }
                continue
            }
            if let problem = problem(link.value, root: root) { broken.append("\(label): \(problem)") }
        }
        return broken
    }

    /// Why `value` does not resolve to a file inside `root`, or nil.
    private static func problem(_ value: String, root: String) -> String? {
        // A scheme ("http:", "file:", "data:") leaves the folder or needs no file.
        if value.range(of: "^[A-Za-z][A-Za-z0-9+.-]*:", options: .regularExpression) != nil {
            return "a URL, not a file inside the report folder"
        }
        let filePart = String(value.prefix { $0 != "#" && $0 != "?" })
        guard let decoded = filePart.removingPercentEncoding else { return "bad percent-encoding" }
        guard isSafeRelative(decoded) else { return "points outside the report folder" }
        let target = URL(fileURLWithPath: root).appendingPathComponent(decoded).standardizedFileURL
            .resolvingSymlinksInPath().path
        guard target.hasPrefix(root + "/") else { return "resolves outside the report folder (symlink?)" }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDir) else { return "no such file" }
        return isDir.boolValue ? "a directory, not a file" : nil
    }
}

/// Every src/href attribute and every id of an XML document.
private final class LinkCollector: NSObject, XMLParserDelegate {
    struct Link { var element: String; var attribute: String; var value: String }
    var links: [Link] = []
    var ids: Set<String> = []

    static func collect(_ data: Data, path: String) throws -> LinkCollector {
        let collector = LinkCollector()
        let parser = XMLParser(data: data)
        parser.delegate = collector
        // On Linux parse() returns true after a mismatched end tag; parserError tells.
        let ok = parser.parse()
        if !ok || parser.parserError != nil || collector.firstError != nil {
            let (line, error) = collector.firstError ?? (parser.lineNumber, parser.parserError)
            throw ReportFileError.notXML(path: path, line: line, message: error.map { "\($0)" } ?? "unknown error")
        }
        return collector
    }

    var firstError: (line: Int, error: Error?)?

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if firstError == nil { firstError = (parser.lineNumber, parseError) }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        if let id = attributeDict["id"] { ids.insert(id) }
        for attribute in ["src", "href"] {
            if let value = attributeDict[attribute] {
                links.append(Link(element: elementName, attribute: attribute, value: value))
            }
        }
    }
}
