// The claim tables of index.html. Each (id, scale) gets exactly one full row carrying its
// anchor, so the summary's links and a test can find every verdict once; a claim listed again
// (a claim of panels 03 and 06) shows a short row linking back to the first.

import Claims

struct ClaimTableHTML {
    /// Anchors already written.
    private(set) var written: Set<String> = []

    static let columns = ["id", "statement", "paper", "ours", "status", "scale", "source", "test", "note / reason"]
    /// Column widths in percent: with automatic layout one long reason squeezed the test
    /// column to a word per line, so the table is laid out fixed (HTMLStyle).
    static let widths = [9, 19, 10, 10, 9, 6, 9, 13, 15]

    mutating func table(_ rows: [ClaimRow], into h: inout XHTMLWriter) {
        guard !rows.isEmpty else { return }
        h.tag("table", [("class", "claims")]) { h in
            h.tag("colgroup") { h in for w in Self.widths { h.empty("col", [("style", "width: \(w)%")]) } }
            h.tag("thead") { h in
                h.tag("tr") { h in for c in Self.columns { h.tag("th", text: c) } }
            }
            h.newline()
            h.tag("tbody") { h in
                for r in rows { row(r, into: &h); h.newline() }
            }
        }
        h.newline()
    }

    /// The rows of `rows` not written yet.
    func unwritten(_ rows: [ClaimRow]) -> [ClaimRow] {
        var seen = written
        return rows.filter { seen.insert(HTMLPage.anchor($0)).inserted }
    }

    private mutating func row(_ r: ClaimRow, into h: inout XHTMLWriter) {
        let anchor = HTMLPage.anchor(r)
        let statusClass = "status-" + XHTMLWriter.slug(r.status.rawValue)
        guard written.insert(anchor).inserted else {
            h.tag("tr", [("class", "dup \(statusClass)")]) { h in
                h.tag("td", [("class", "id")]) { h in h.tag("a", [("href", "#" + anchor)], text: r.id) }
                h.tag("td", [("colspan", "\(Self.columns.count - 1)")], text: "listed above (\(r.scale))")
            }
            return
        }
        h.tag("tr", [("id", anchor), ("data-claim", r.id), ("data-scale", r.scale), ("class", statusClass)]) { h in
            h.tag("td", [("class", "id")], text: r.id)
            h.tag("td", [("class", "statement")], text: r.statement)
            h.tag("td", [("class", "value")], text: r.paperValue)
            h.tag("td", [("class", "value")], text: r.ours.isEmpty ? "—" : r.ours)
            h.tag("td", [("class", "status"), ("title", "expected: \(r.expected)")]) { h in
                h.text(r.status.rawValue)
                if r.status == .notExpected, let would = r.wouldHold {
                    h.tag("span", [("class", "detail")], text: would ? "would hold" : "would fail")
                }
                h.tag("span", [("class", "detail")], text: "expected: \(r.expected)")
            }
            h.tag("td", [("class", "small")], text: r.scale)
            h.tag("td", [("class", "small")], text: r.source)
            h.tag("td", [("class", "small")], text: r.test)
            h.tag("td", [("class", "small reason")], text: r.reason)
        }
    }
}
