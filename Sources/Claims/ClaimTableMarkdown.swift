// Every claim of the registry as a Markdown table: id, kind, panel, paper value, source and
// how it was read, the test with its tolerance (and the measured seed s.d. where the
// tolerance is derived), the expected scale and why. docs/report.md holds this table between
// markers; a test fails when it differs from what the registry prints (`report table`).

extension ClaimRegistry {
    public static let tableBegin = "<!-- claims table: printed by `.build/release/report table`; a test keeps it current -->"
    public static let tableEnd = "<!-- end of claims table -->"

    public static func markdownTable(_ claims: [Claim] = all) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var lines = ["| id | kind | panel | paper value | source, how read | test (tolerance) | expected |",
                     "| --- | --- | --- | --- | --- | --- | --- |"]
        for c in claims {
            var expected = c.expected.label
            switch c.expected {
            case .networkSize1000(let reason, nil), .paperProtocol(let reason), .publishedRunOnly(let reason), .openDifference(let reason):
                expected += ": " + reason
            case .networkSize1000(let reason, let open?):
                expected += ": " + reason + " (open difference at N = 1000: " + open + ")"
            default: break
            }
            let spread = c.check.spreadOf.map { id -> String in
                " (seed s.d. " + (SeedSpread.sd[id].map { $0.map { String(format: "%.2g", $0) }.joined(separator: ", ") } ?? "not measured") + ")"
            } ?? ""
            lines.append("| `\(c.id)` | \(c.check.kind.rawValue) | \(c.panels.joined(separator: "+")) | \(cell(c.paperValue)) | "
                         + "\(cell(c.source.description)) | \(cell(c.test + spread)) | \(cell(expected)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
