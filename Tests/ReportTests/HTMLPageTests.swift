// The report folder is a deliverable opened via file:// on any machine: index.html must parse
// as XML, show every verdict exactly once, and link only to files copied into the folder;
// claims.csv and claims.json must read back to the same rows.

import Claims
import Foundation
import ReportKit
import Sim
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite struct HTMLPageTests {
    /// A 1×1 PNG, so a screenshot of the test page shows images, not broken icons.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")!

    func tempDir(_ label: String) throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    static func row(_ id: String, _ status: ClaimStatus, scale: String = "default", panel: String = "08",
                    statement: String = "density decreases with load", wouldHold: Bool? = nil) -> ClaimRow {
        ClaimRow(id: id, figure: "figure2", panel: panel, statement: statement, paperValue: "0.50 ± 0.03",
                 ours: status == .notRun ? "" : "0.48", status: status, scale: scale,
                 source: "panel: read off, \"approx\"", expected: "all", test: "within 0.05, of each",
                 reason: status == .holds ? "" : "needs data/results/x\nrun `make figure2` & retry", wouldHold: wouldHold)
    }

    /// Rows of every status at two variants, texts needing escaping, a claim of two panels, a
    /// row no section places, an image with a space and '#' in its name and missing images.
    func samplePage(in folder: URL) throws -> ReportPage {
        let src = try tempDir("src")
        for name in ["page.png", "p08.png", "r08.png"] { try Self.png.write(to: src.appendingPathComponent(name)) }
        let page = try ReportFiles.copyImage(src.appendingPathComponent("page.png"), to: "ours/figure2.png", in: folder)
        let ours08 = try ReportFiles.copyImage(src.appendingPathComponent("p08.png"),
                                               to: "ours/figure2/08-density #1.png", in: folder)
        let ref08 = try ReportFiles.copyImage(src.appendingPathComponent("r08.png"),
                                              to: "reference/figure2/08-density.png", in: folder)
        let notDrawn = try ReportFiles.copyImage(src.appendingPathComponent("absent.png"),
                                                 to: "ours/figure2/09-x.png", in: folder)
        #expect(notDrawn == nil)

        let tricky = "a < b && c > d, \"quoted\", 'single'\nsecond line\r\nthird"
        let p08 = [Self.row("F2-a", .holds, statement: tricky), Self.row("F2-b", .fails),
                   Self.row("F2-a", .notExpected, scale: "default N=1000", wouldHold: true),
                   Self.row("F2-c", .notExpected, wouldHold: false), Self.row("F2-both", .error, panel: "08+09")]
        let p09 = [Self.row("F2-d", .notRun, panel: "09"), Self.row("F2-both", .error, panel: "08+09")]
        let other = [Self.row("F2-e", .holds, panel: ""), Self.row("F2-f", .fails, scale: "default N=1000", panel: "")]
        let theory = [Self.row("T-1", .holds, panel: ""), Self.row("T-2", .error, panel: "")]
        let unplaced = Self.row("F3-x", .notRun, panel: "")
        var all = p08 + [p09[0]] + other + theory + [unplaced]
        all.append(Self.row("F2-g", .notExpected, scale: "default N=1000"))  // also unplaced, no wouldHold
        let figure = ReportPage.FigureSection(
            name: "figure2", title: "Figure 2 — attractor networks & <z>-factor synapses", page: page,
            imageNote: "drawn at scale tiny, not default", panels: [
                .init(name: "08-connection-density-vs-load", number: "08", ours: ours08, reference: ref08, rows: p08),
                .init(name: "09-weights", number: "09", ours: notDrawn, reference: nil, rows: p09),
            ], otherRows: other)
        let points = [Provenance.Point(directory: "data/results/default/attractor/z1_a0.33", model: "attractor",
                                       modelVersion: 3, parameters: "{\"n\":200,\"name\":\"<x>&y\"}",
                                       wallSeconds: 1234.5, cpuSeconds: 1200),
                      Provenance.Point(directory: "data/results/default/old", model: "wake-sleep", modelVersion: 1,
                                       parameters: "{}", wallSeconds: 3.25, cpuSeconds: nil)]
        let provenance = Provenance(commit: "0123456789abcdef0123456789abcdef01234567", dirty: true, scale: "default",
                                    seeds: "1, 2 & 3", date: "2025-01-02T03:04:05Z", cpuModel: "Some CPU @ 2.0GHz",
                                    cores: 2, host: "host<1>", points: points)
        let table = ReportPage.Table(title: "Finite size", caption: "N = 200 vs 1000 & more",
                                     header: ["N", "density", "note"], rows: [["200", "0.31", "a < b"], ["1000", "0.25", ""]])
        return ReportPage(scale: "default", rows: all, figures: [figure], theoryRows: theory, tables: [table],
                          provenance: provenance)
    }

    @Test func indexParsesShowsEveryRowOnceAndLinksStayInside() throws {
        let folder = try tempDir("out")
        let page = try samplePage(in: folder)
        try ReportFiles.write(page, to: folder)
        for name in ["index.html", "claims.csv", "claims.json"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
        }
        let html = try Data(contentsOf: folder.appendingPathComponent("index.html"))
        let doc = try #require(ParsedPage(html))

        // Every row exactly once, with its anchor; nothing else carries data-claim.
        for r in page.rows {
            let n = doc.claimRows.filter { $0.claim == r.id && $0.scale == r.scale }.count
            #expect(n == 1, "\(r.id) at \(r.scale) appears \(n) times")
        }
        #expect(doc.claimRows.count == page.rows.count)
        #expect(Set(page.rows.map(HTMLPage.anchor)).isSubset(of: doc.ids))
        // Escaped text reads back unchanged (XML turns the CR LF into LF).
        #expect(doc.text.contains(page.rows[0].statement.replacingOccurrences(of: "\r\n", with: "\n")))
        #expect(doc.text.contains("Iatropoulos, Gerstner & Brea"))
        #expect(doc.text.contains("would hold") && doc.text.contains("would fail"))
        #expect(doc.text.contains("not drawn") && doc.text.contains("no reference given"))
        #expect(doc.text.contains("dirty tree"))

        // Links: files inside the folder or fragments naming an id on the page.
        #expect(!doc.links.isEmpty)
        for link in doc.links where !link.hasPrefix("#") {
            #expect(!link.hasPrefix("/") && !link.contains("..") && !link.contains(":"), "\(link)")
            let path = try #require(link.removingPercentEncoding)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(link)")
        }
        for link in doc.links where link.hasPrefix("#") { #expect(doc.ids.contains(String(link.dropFirst())), "\(link)") }
        #expect(doc.links.contains("ours/figure2/08-density%20%231.png"))
        #expect(try ReportFiles.brokenLinks(in: folder) == [])
        // The summary links every failing and erroring row.
        for r in page.rows where r.status == .fails || r.status == .error {
            #expect(doc.links.contains("#" + HTMLPage.anchor(r)))
        }
    }

    @Test func brokenLinksAreCaught() throws {
        let folder = try tempDir("broken")
        try ReportFiles.write(try samplePage(in: folder), to: folder)
        #expect(try ReportFiles.brokenLinks(in: folder).isEmpty)
        // A copied image that went missing.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("reference/figure2/08-density.png"))
        let missing = try ReportFiles.brokenLinks(in: folder)
        #expect(missing.count == 1 && missing[0].contains("reference/figure2/08-density.png"), "\(missing)")
        // Links out of the folder, to a URL and to an absent id.
        let index = folder.appendingPathComponent("index.html")
        var text = try String(contentsOf: index, encoding: .utf8)
        text = text.replacingOccurrences(of: "</body>", with: """
            <p><a href="../outside.html">a</a><img src="/etc/hostname" alt=""/><a href="https://example.org/">b</a>\
            <a href="#nowhere">c</a><a href="ours">d</a></p></body>
            """)
        try text.write(to: index, atomically: true, encoding: .utf8)
        let broken = try ReportFiles.brokenLinks(in: folder)
        #expect(broken.count == 6, "\(broken)")
        for needle in ["../outside.html", "/etc/hostname", "https://example.org/", "#nowhere", "\"ours\""] {
            #expect(broken.contains { $0.contains(needle) }, "\(needle) not reported: \(broken)")
        }
        // Not XML at all.
        try "<html><p>unclosed</html>".write(to: index, atomically: true, encoding: .utf8)
        #expect(throws: ReportFileError.self) { try ReportFiles.brokenLinks(in: folder) }
    }

    @Test func copyImageRefusesPathsOutsideTheFolder() throws {
        let folder = try tempDir("copy")
        let src = folder.appendingPathComponent("x.png")
        try Self.png.write(to: src)
        for bad in ["../x.png", "/tmp/x.png", "a/../../x.png", ""] {
            #expect(throws: ReportFileError.self) { try ReportFiles.copyImage(src, to: bad, in: folder) }
        }
        #expect(try ReportFiles.copyImage(src, to: "ours/a/b.png", in: folder) == "ours/a/b.png")
        #expect(try Data(contentsOf: folder.appendingPathComponent("ours/a/b.png")) == Self.png)
    }

    @Test func csvRoundTrip() throws {
        let folder = try tempDir("csv")
        let page = try samplePage(in: folder)
        let text = ReportFiles.csv(page.rows)
        #expect(text.hasPrefix(ClaimRow.csvColumns.joined(separator: ",") + "\n"))
        #expect(text.hasSuffix("\n"))
        let records = CSV.parse(text)
        #expect(records.first == ClaimRow.csvColumns)
        #expect(Array(records.dropFirst()) == page.rows.map(\.csvFields))
        // Quoting only where needed, inner quotes doubled, CR LF kept inside quotes.
        #expect(CSV.record(["plain", "a,b", "say \"hi\"", "x\r\ny", ""]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\",\n")
        #expect(CSV.parse("a,\"b\nc\"\r\n\"\",d") == [["a", "b\nc"], ["", "d"]])
    }

    @Test func jsonRoundTrip() throws {
        struct Document: Decodable {
            var scale: String
            var summary: [String: Int]
            var claims: [ClaimRow]
            var provenance: Provenance
        }
        let folder = try tempDir("json")
        let page = try samplePage(in: folder)
        let data = try ReportFiles.json(page)
        let doc = try JSONDecoder().decode(Document.self, from: data)
        #expect(doc.scale == "default")
        #expect(doc.claims == page.rows)
        // Counts of the report's own scale only, every status present.
        #expect(doc.summary == ["holds": 3, "fails": 1, "not expected": 1, "not run": 2, "error": 2, "stale": 0,
                               "differs from the published run": 0, "open difference": 0])
        #expect(doc.provenance.points.count == 2 && doc.provenance.points[1].cpuSeconds == nil)
        #expect(doc.provenance.commit == page.provenance.commit)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"cpu_model\"") && text.contains("\"paper_value\""))
    }

    @Test func provenanceReadsResultsAndGit() throws {
        let root = try tempDir("prov")
        let dir = root.appendingPathComponent("data/results/tiny/p1")
        let parameters = try JSONValue(encoding: ["n": 60])
        _ = try ResultStore.save(ResultBundle(values: ["v": 1]), to: dir, model: "attractor", version: 2,
                                 parameters: parameters, wallSeconds: 5, cpuSeconds: 4.5, command: "test")
        let p = ProvenanceCollector.collect(root: root, scale: "tiny", seeds: "1",
                                            resultDirectories: [dir, root.appendingPathComponent("absent")])
        #expect(p.commit == "unknown" && !p.dirty)  // not a git repository
        #expect(p.points.count == 2)
        #expect(p.points[0].directory == "data/results/tiny/p1")
        #expect(p.points[0].model == "attractor" && p.points[0].modelVersion == 2)
        #expect(p.points[0].parameters == "{\"n\":60}")
        #expect(p.points[0].wallSeconds == 5 && p.points[0].cpuSeconds == 4.5)
        #expect(p.points[1].directory == "absent" && p.points[1].wallSeconds == nil)
        #expect(p.cores >= 1 && !p.host.isEmpty && p.date.hasSuffix("Z"))

        // This package is a git repository (unless git is missing).
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let here = ProvenanceCollector.collect(root: package, scale: "tiny", seeds: "1", resultDirectories: [])
        #expect(here.commit == "unknown" || here.commit.count == 40)
    }
}

/// What the tests need from index.html: the claim rows, ids, src/href values and all text.
private final class ParsedPage: NSObject, XMLParserDelegate {
    var claimRows: [(claim: String, scale: String)] = []
    var ids: Set<String> = []
    var links: [String] = []
    var text = ""

    init?(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        // On Linux parse() returns true after a mismatched end tag; parserError tells.
        guard parser.parse(), parser.parserError == nil else {
            Issue.record("index.html is not XML: line \(parser.lineNumber): \(String(describing: parser.parserError))")
            return nil
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        if let id = attributes["id"] { ids.insert(id) }
        if elementName == "tr", let claim = attributes["data-claim"] {
            claimRows.append((claim, attributes["data-scale"] ?? "?"))
        }
        if elementName == "img", let src = attributes["src"] { links.append(src) }
        if elementName == "a", let href = attributes["href"] { links.append(href) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
}
