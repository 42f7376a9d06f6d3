// The panel manifest (PanelNames.swift) against docs/methods.md's panel tables, and the
// figure.json it writes.

import Experiments
import Foundation
import Testing

@Suite struct PanelManifestTests {
    /// docs/methods.md §6 describes exactly the manifest's panels, figure by figure in order.
    @Test func methodsTablesListTheManifest() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let methods = try String(contentsOf: root.appendingPathComponent("docs/methods.md"), encoding: .utf8)
        // A row's first cell names one panel or several, separated by commas.
        let rows = methods.components(separatedBy: "\n").flatMap { line -> [String] in
            guard line.hasPrefix("| "), let cell = line.dropFirst(2).split(separator: "|").first else { return [] }
            let names = cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return names.allSatisfy { $0.count > 3 && $0.prefix(2).allSatisfy(\.isNumber) && $0.dropFirst(2).first == "-" } ? names : []
        }
        #expect(rows == PanelManifest.figures.flatMap(\.panels))
    }

    @Test func drawnFigureRoundTripsAndListsPanels() throws {
        let d = DrawnFigure(figure: "figure3", scale: "default", results: "data/results/default",
                            panels: Figure3Panel.allCases.map(\.rawValue))
        let data = try d.encoded()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.hasSuffix("}\n") && !text.dropLast().contains("\n"))
        #expect(text.contains("\"panels\":[\"01-recall-raster-before\",\"02-recall-raster-after\","))
        #expect(try JSONDecoder().decode(DrawnFigure.self, from: data) == d)
        #expect(PanelManifest.panels(of: "figure5-6")?.count == 5 && PanelManifest.panels(of: "figure2-committed") == nil)
    }
}
