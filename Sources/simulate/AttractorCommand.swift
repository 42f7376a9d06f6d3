import ArgumentParser

// Placeholder until the model lands: fails loudly rather than pretending to work.
struct AttractorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attractor", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("simulate attractor is not implemented yet") }
}
