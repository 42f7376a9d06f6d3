// Assembles the report page: per figure the composed page and the panels (ours and the
// published one, copied into the report folder) with their claims, the theory claims, the
// finite-size table and the provenance.

import Claims
import Experiments
import Foundation
import ReportKit

struct ReportBuilder {
    let root: URL
    let scale: Experiments.Scale
    let figures: URL
    let reference: URL?
    let out: URL

    static let titles: [(name: String, title: String)] = [
        ("figure2", "Figure 2 — attractor networks with z-factor synapses"),
        ("figure3", "Figure 3 — wake–sleep consolidation"),
        ("figure5-6", "Figures 5 and 6 — intrinsic synaptic fluctuations and Kaufman et al. (2012)"),
    ]

    func page(rows: [ClaimRow], seeds: String, resultDirectories: [URL]) throws -> ReportPage {
        let sections = try Self.titles.map { t in try section(t.name, title: t.title, rows: rows.filter { $0.figure == t.name }) }
        let fs = FiniteSizeTable.build(root: root, seeds: seeds.split(separator: " ").compactMap { UInt64($0) })
        let table = ReportPage.Table(
            title: "Finite size: Figure 2's max tolerated noise at the tolerance loads against N",
            caption: "The default scale's training at each network size N (N = 1000 is the large scale, read from the committed "
                + "evidence set unless computed here; cells without results say \"not run\": `\(fs.command)` makes them). "
                + "At N = 200 the tolerances are higher than the paper's and z = 1 sits above z = 2; the paper's order (z = 2 "
                + "highest synaptic tolerance) needs N = 1000.",
            header: fs.header, rows: fs.rows)
        let provenance = ProvenanceCollector.collect(root: root, scale: scale.rawValue, seeds: seeds,
                                                     resultDirectories: resultDirectories)
        return ReportPage(scale: scale.rawValue, rows: rows, figures: sections,
                          theoryRows: rows.filter { $0.figure == "theory" }, tables: [table], provenance: provenance)
    }

    /// Panel file stems of a figure: ours and the published ones, by number.
    /// The figure's panels as its figure.json lists them, or its manifest when not drawn.
    func panelNames(_ figure: String) -> [String] {
        DrawnFigure.read(figures.appendingPathComponent(figure))?.panels ?? PanelManifest.panels(of: figure) ?? []
    }

    func section(_ figure: String, title: String, rows: [ClaimRow]) throws -> ReportPage.FigureSection {
        let names = panelNames(figure)
        let drawnScale = Self.drawnScale(figures.appendingPathComponent(figure))
        var note: String?
        var showOurs = true
        switch drawnScale {
        case nil:
            note = "Not drawn at this scale: `make \(figure) SCALE=\(scale.rawValue)` draws it."
            showOurs = false
        case let s? where s != scale.rawValue:
            note = "Our panels in \(figures.lastPathComponent)/\(figure) were drawn at the \(s) scale, not \(scale.rawValue): "
                + "they are not shown; `make \(figure) SCALE=\(scale.rawValue)` draws them."
            showOurs = false
        default: break
        }
        func copy(_ source: URL?, _ relative: String) throws -> String? {
            guard let source else { return nil }
            return try ReportFiles.copyImage(source, to: relative, in: out)
        }
        var panels: [ReportPage.Panel] = []
        var placed: Set<String> = []
        let committed = committedPanels(figure)
        for name in names {
            let number = String(name.prefix(while: \.isNumber))
            let mine = rows.filter { $0.panel.split(separator: "+").first.map(String.init) == number }
            mine.forEach { placed.insert($0.id + "|" + $0.scale) }
            var more: [ReportPage.Image] = []
            if let c = committed, let path = try copy(c.folder.appendingPathComponent("\(name).png"), "ours/\(c.folder.lastPathComponent)/\(name).png") {
                more.append(.init(path: path, caption: "ours at N = 1000 (\(c.label))"))
            }
            panels.append(ReportPage.Panel(
                name: name, number: number,
                ours: try copy(showOurs ? figures.appendingPathComponent(figure).appendingPathComponent("\(name).png") : nil,
                               "ours/\(figure)/\(name).png"),
                reference: try copy(reference?.appendingPathComponent(figure).appendingPathComponent("\(name).png"),
                                    "reference/\(figure)/\(name).png"),
                more: more, rows: mine))
        }
        let page = try copy(showOurs ? figures.appendingPathComponent("\(figure).png") : nil, "ours/\(figure).png")
        return ReportPage.FigureSection(name: figure, title: title, page: page, imageNote: note, panels: panels,
                                        otherRows: rows.filter { !placed.contains($0.id + "|" + $0.scale) })
    }

    /// Figure 2's tolerance panels drawn from the committed evidence set (`figure2 --committed`),
    /// when they were drawn from the set as it is now.
    func committedPanels(_ figure: String) -> (folder: URL, label: String)? {
        guard figure == "figure2" else { return nil }
        let folder = figures.appendingPathComponent("figure2-committed")
        let state = EvidenceState.inspect(set: root.appendingPathComponent(EvidenceSet.root))
        let label = "\(EvidenceSet.scale.rawValue), committed at \(state.commitLabel)"
        guard !state.present.isEmpty, !state.isStale, Self.drawnScale(folder) == label else { return nil }
        return (folder, label)
    }

    /// The scale a figure folder was drawn at (its figure.json), nil when not drawn.
    static func drawnScale(_ dir: URL) -> String? { DrawnFigure.read(dir)?.scale }
}
