// `simulate`: one command per simulation point. Each subcommand trains/integrates one
// independent point and writes one cached result (see Sim/ResultStore.swift).

import ArgumentParser

@main
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run one simulation point of the two-factor consolidation paper and cache its result.",
        subcommands: [AttractorCommand.self, FluctuationsCommand.self, WakeSleepCommand.self,
                      PointsCommand.self, RunPointCommand.self, StatusCommand.self, CostCommand.self,
                      EvidenceCommand.self]
    )
}
