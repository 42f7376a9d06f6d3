import ArgumentParser

// Placeholder until the model lands: fails loudly rather than pretending to work.
struct FluctuationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fluctuations", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("simulate fluctuations is not implemented yet") }
}
