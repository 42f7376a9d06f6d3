// The top of the report: counts per status for the report's own scale and, on their own
// lines, for the other variants (a smaller scale's N = 1000 rows must not blur its verdict),
// then every failing or erroring claim linked to its row.

import Claims

enum SummaryHTML {
    static func section(_ page: ReportPage, into h: inout XHTMLWriter) {
        h.tag("section", [("id", "summary")]) { h in
            h.tag("h2", text: "Summary")
            h.tag("table", [("class", "summary")]) { h in
                h.tag("thead") { h in
                    h.tag("tr") { h in
                        h.tag("th", text: "variant")
                        for s in ClaimStatus.allCases { h.tag("th", [("class", "num")], text: s.rawValue) }
                        h.tag("th", [("class", "num")], text: "total")
                    }
                }
                h.tag("tbody") { h in
                    countsRow(page, variant: page.scale, label: "\(page.scale) (this report's scale)", own: true,
                              into: &h)
                    for v in page.otherVariants { countsRow(page, variant: v, label: v, own: false, into: &h) }
                }
            }
            h.newline()
            failing(page, into: &h)
        }
        h.newline()
    }

    private static func countsRow(_ page: ReportPage, variant: String, label: String, own: Bool,
                                  into h: inout XHTMLWriter) {
        let counts = page.counts(variant: variant)
        h.tag("tr", [("class", own ? "own" : nil)]) { h in
            h.tag("td", text: label)
            for s in ClaimStatus.allCases {
                let n = counts[s, default: 0]
                // Colour only non-zero counts, so the eye goes to what is there.
                let cls = n > 0 ? "num count status-\(XHTMLWriter.slug(s.rawValue))" : "num"
                h.tag("td", [("class", cls)], text: "\(n)")
            }
            h.tag("td", [("class", "num")], text: "\(counts.values.reduce(0, +))")
        }
        h.newline()
    }

    private static func failing(_ page: ReportPage, into h: inout XHTMLWriter) {
        var seen = Set<String>()
        let bad = page.rows.filter { ($0.status == .fails || $0.status == .error) && seen.insert(HTMLPage.anchor($0)).inserted }
        // The report's own scale first, then the other variants, each in claims.csv order.
        let ordered = bad.filter { $0.scale == page.scale } + bad.filter { $0.scale != page.scale }
        guard !ordered.isEmpty else {
            h.tag("p", text: "No claim fails and none has an error.")
            return
        }
        h.tag("h3", text: "Failing claims and errors (\(ordered.count))")
        h.tag("ul", [("class", "failing")]) { h in
            for r in ordered {
                h.tag("li") { h in
                    h.tag("a", [("href", "#" + HTMLPage.anchor(r))], text: r.id)
                    h.text(" (\(r.scale)) — ")
                    h.tag("strong", text: r.status.rawValue)
                    h.text(": \(r.statement)")
                    if r.status == .fails { h.text(" (paper \(r.paperValue), ours \(r.ours.isEmpty ? "—" : r.ours))") }
                    else if !r.reason.isEmpty { h.text(" (\(r.reason))") }
                }
                h.newline()
            }
        }
        h.newline()
    }
}
