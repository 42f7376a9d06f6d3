// A tiny XHTML writer: every tag it opens it closes, every text and attribute is escaped,
// so index.html parses as XML (the tests read it with XMLParser) as well as HTML.

import Foundation

struct XHTMLWriter {
    private(set) var text = ""

    /// `<name attrs>body</name>`; attributes with a nil value are left out.
    mutating func tag(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout XHTMLWriter) -> Void) {
        text += "<\(name)\(XHTMLWriter.attributes(attributes))>"
        body(&self)
        text += "</\(name)>"
    }

    /// An element holding only text.
    mutating func tag(_ name: String, _ attributes: [(String, String?)] = [], text content: String) {
        tag(name, attributes) { $0.text(content) }
    }

    /// A void element written the XML way, `<img .../>`.
    mutating func empty(_ name: String, _ attributes: [(String, String?)] = []) {
        text += "<\(name)\(XHTMLWriter.attributes(attributes))/>"
    }

    mutating func text(_ content: String) { text += XHTMLWriter.escape(content) }

    /// Markup the report produced itself (doctype, CSS), never data.
    mutating func raw(_ markup: String) { text += markup }

    mutating func newline() { text += "\n" }

    private static func attributes(_ list: [(String, String?)]) -> String {
        list.compactMap { name, value in value.map { " \(name)=\"\(escape($0))\"" } }.joined()
    }

    /// Escapes the five XML specials (apostrophes need none inside double quotes) and replaces
    /// the control characters XML 1.0 forbids (an error message may carry an ANSI escape).
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case _ where u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A relative file path as a URL path: spaces, `#` and `?` in file names must not turn
    /// into fragments or queries.
    static func url(_ relativePath: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return relativePath.addingPercentEncoding(withAllowedCharacters: allowed) ?? relativePath
    }

    /// Lower-case letters, digits and single dashes: "default N=1000" → "default-n-1000".
    static func slug(_ s: String) -> String {
        var out = ""
        for u in s.lowercased().unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) || u == "_" { out.unicodeScalars.append(u) }
            else if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}
