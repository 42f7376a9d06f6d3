// `report spreads`: the seed-to-seed spread of every value whose tolerance is derived
// (`ClaimCheck.panelValues`): each such claim measured at the default scale once per seed
// (Figure 2: seeds 100–102, Figure 3: 700–702, Figures 5–6: 1–3; `SeedSpread`), then the s.d.
// of each value.
// Prints the table Sources/Claims/SeedSpread.swift holds, and a Markdown table for
// docs/report.md with the values per seed.

import ArgumentParser
import Claims
import Experiments
import Foundation

struct Spreads: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spreads",
        abstract: "Measure the seed spread of the values with derived tolerances (needs the default scale's seeds 100–102, 700–702 and fluctuation seeds 1–3).")

    @Option(help: "The package root.") var root: String = "."
    @Option(help: "Only the claims of this figure (figure2, figure3, figure5-6).") var figure: String?

    func run() throws {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var swift: [String] = [], markdown = ["| claim | seed values (per value: seed 1 / 2 / 3) | s.d. |", "| --- | --- | --- |"]
        for claim in ClaimRegistry.all where claim.check.spreadOf == claim.id && (figure == nil || claim.figure == figure) {
            let runs = try SeedSpread.figure2Seeds.indices.map { k -> [Double] in
                let inputs = ClaimInputs(variant: Variant(scale: .default), root: rootURL, seeds: [SeedSpread.figure2Seeds[k]],
                                         figure3Seed: SeedSpread.figure3Seeds[k], fluctuationSeed: SeedSpread.fluctuationSeeds[k])
                let missing = claim.requires(inputs).filter { !inputs.exists($0) }
                guard missing.isEmpty else {
                    throw ValidationError("\(claim.id): \(missing.count) results of its seed \(k + 1) of 3 missing, e.g. \(inputs.path(missing[0]).path)")
                }
                return try claim.measure(inputs).values
            }
            let sd = runs[0].indices.map { i -> Double in
                let v = runs.map { $0[i] }
                let m = v.reduce(0, +) / Double(v.count)
                return (v.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(v.count - 1)).squareRoot()
            }
            swift.append("        \"\(claim.id)\": [\(sd.map { String(format: "%.4g", $0) }.joined(separator: ", "))],")
            let perValue = runs[0].indices.map { i in runs.map { String(format: "%.3g", $0[i]) }.joined(separator: " / ") }
            markdown.append("| `\(claim.id)` | \(perValue.joined(separator: "; ")) | \(sd.map { String(format: "%.2g", $0) }.joined(separator: ", ")) |")
        }
        print("// Sources/Claims/SeedSpread.swift, SeedSpread.sd:")
        print(swift.joined(separator: "\n"))
        print("\n<!-- docs/report.md, Seed spread -->")
        print(markdown.joined(separator: "\n"))
    }
}
