import ArgumentParser

// Placeholder until the model lands: fails loudly rather than pretending to work.
struct WakeSleepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wake-sleep", abstract: "(not implemented yet)")
    func run() throws { throw ValidationError("simulate wake-sleep is not implemented yet") }
}
