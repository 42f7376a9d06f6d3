// `report table`: every claim as the Markdown table docs/report.md shows (ClaimTableMarkdown.swift).

import ArgumentParser
import Claims

struct ClaimTable: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "table", abstract: "Print every claim as a Markdown table (docs/report.md).")

    func run() { print(ClaimRegistry.markdownTable(), terminator: "") }
}
