// The report's verdict on the terminal: "N of M claims hold at this scale; K not expected
// here; F fail", the failing claims, and the same line for the finite-size variants.

import Claims
import Experiments

enum TerminalSummary {
    static func text(rows: [ClaimRow], scale: String) -> String {
        var out = ""
        let variants = rows.reduce(into: [String]()) { if !$0.contains($1.scale) { $0.append($1.scale) } }
        for v in variants {
            let r = rows.filter { $0.scale == v }
            func n(_ s: ClaimStatus) -> Int { r.filter { $0.status == s }.count }
            let expected = n(.holds) + n(.fails)
            out += "\(v == scale ? "At this scale (\(v))" : "At \(v)"): \(n(.holds)) of \(expected) expected claims hold; "
                + (n(.differs) > 0 ? "\(n(.differs)) differ from the published run (known cause); " : "")
                + (n(.openDifference) > 0 ? "\(n(.openDifference)) open differences (cause not found yet); " : "")
                + "\(n(.notExpected)) not expected here; \(n(.fails)) fail"
                + (n(.notRun) > 0 ? "; \(n(.notRun)) not run" : "") + (n(.error) > 0 ? "; \(n(.error)) could not be computed" : "")
                + (n(.stale) > 0 ? "; \(n(.stale)) stale (the committed set needs `\(EvidenceSet.makeTarget)`)" : "")
                + " (\(r.count) claims)\n"
            let valueTests = r.filter { ($0.status == .holds || $0.status == .fails) && $0.kind == ClaimCheck.Kind.value.rawValue }.count
            if expected > 0 { out += "  of the \(expected) expected: \(valueTests) test a value against a paper, printed or theory value, \(expected - valueTests) an order or a sign\n" }
            for row in r where row.status == .openDifference {
                out += "  OPEN \(row.id): ours \(row.ours); paper \(row.paperValue)\n"
            }
            for row in r where row.status == .differs {
                out += "  DIFFERS \(row.id): ours \(row.ours); published \(row.paperValue)\n"
            }
            for row in r where row.status == .fails {
                out += "  FAIL \(row.id): ours \(row.ours.isEmpty ? "—" : row.ours); paper \(row.paperValue)"
                    + (row.reason.isEmpty ? "" : " — \(row.reason)") + "\n"
            }
            // One line per cause (one unreadable file breaks every claim that reads it).
            var causes: [String] = []
            for row in r where row.status == .error && !causes.contains(row.reason) { causes.append(row.reason) }
            for cause in causes {
                let ids = r.filter { $0.status == .error && $0.reason == cause }.map(\.id)
                out += "  ERROR \(ids.joined(separator: ", ")): \(cause)\n"
            }
        }
        return out
    }
}
