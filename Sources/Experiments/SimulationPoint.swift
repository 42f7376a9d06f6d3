// One simulation point and its canonical result directory: the one place the directory
// format lives. `simulate` writes there by default, `simulate run <dir>` parses a directory
// back into its point (the Makefile's recipe), and the figures read from there.

import Foundation
import Sim

public enum SimulationPoint: Hashable, Sendable, CustomStringConvertible {
    /// Figure 2: z factors, load α (its text names the directory), seed, and N when it is
    /// not the scale's (the finite-size study: the scale's training at another network size).
    case attractor(scale: Scale, z: Int, alpha: AttractorLoad, seed: UInt64, n: Int? = nil)
    /// Figure 3: one load's run.
    case wakeSleep(scale: Scale, load: WakeSleepLoad, seed: UInt64)
    /// Figures 5–6: the populations of one seed over T time units; synapses and dt when they
    /// are not the scale's.
    case fluctuations(scale: FluctuationScale, seed: UInt64, duration: Int, synapses: Int? = nil, dt: Double? = nil)

    /// Where results live, relative to the package root.
    public static let resultsRoot = "data/results"

    /// `<root>/<scale>/<model>/<name>`.
    public func directory(root: String = SimulationPoint.resultsRoot) -> String {
        "\(root)/\(relativeDirectory)"
    }

    /// `<scale>/<model>/<name>`: the same layout under any root (the evidence set's too).
    public var relativeDirectory: String { "\(scaleName)/\(model)/\(name)" }

    /// `<scaleFolder>/<model>/<name>`, under a scale's folder that a reader was given (the
    /// figures' `--results`, which may live anywhere).
    public func directory(inScaleFolder scaleFolder: URL) -> URL {
        scaleFolder.appendingPathComponent(model).appendingPathComponent(name)
    }

    public var scaleName: String {
        switch self {
        case .attractor(let s, _, _, _, _), .wakeSleep(let s, _, _): return s.rawValue
        case .fluctuations(let s, _, _, _, _): return s.rawValue
        }
    }

    /// The model directory, as `simulate`'s subcommand names it.
    public var model: String {
        switch self {
        case .attractor: return "attractor"
        case .wakeSleep: return "wake-sleep"
        case .fluctuations: return "fluctuations"
        }
    }

    public var name: String {
        switch self {
        case .attractor(_, let z, let alpha, let seed, let n):
            return "z\(z)_alpha\(alpha.text)_seed\(seed)" + (n.map { "_N\($0)" } ?? "")
        case .wakeSleep(_, let load, let seed): return "\(load.rawValue)_seed\(seed)"
        case .fluctuations(_, let seed, let duration, let synapses, let dt):
            return "seed\(seed)_T\(duration)" + (synapses.map { "_N\($0)" } ?? "") + (dt.map { "_dt\($0)" } ?? "")
        }
    }

    public var description: String { directory() }

    /// Parses `…/<scale>/<model>/<name>` (any prefix, an optional trailing `/result.json`).
    public init(directory: String) throws {
        var parts = directory.split(separator: "/").map(String.init)
        if parts.last == "result.json" { parts.removeLast() }
        guard parts.count >= 3 else { throw SimulationPointError.unrecognised(directory) }
        let (scaleText, model, name) = (parts[parts.count - 3], parts[parts.count - 2], parts[parts.count - 1])
        // Tokens of the name: a prefix and a value each (z1, alpha0.08, seed100, T999, …).
        let tokens = name.split(separator: "_").map(String.init)
        func value(_ i: Int, _ prefix: String) -> String? {
            guard i < tokens.count, tokens[i].hasPrefix(prefix), tokens[i].count > prefix.count else { return nil }
            return String(tokens[i].dropFirst(prefix.count))
        }
        switch model {
        case "attractor":
            guard (3...4).contains(tokens.count), let scale = Scale(rawValue: scaleText),
                  let z = value(0, "z").flatMap({ Int($0) }), let alpha = value(1, "alpha").flatMap(AttractorLoad.init(text:)),
                  let seed = value(2, "seed").flatMap({ UInt64($0) }) else { break }
            var n: Int?
            if tokens.count == 4 {
                guard let size = value(3, "N").flatMap({ Int($0) }), size >= 2 else { break }
                n = size
            }
            self = .attractor(scale: scale, z: z, alpha: alpha, seed: seed, n: n)
            return
        case "wake-sleep":
            guard tokens.count == 2, let scale = Scale(rawValue: scaleText), let load = WakeSleepLoad(rawValue: tokens[0]),
                  let seed = value(1, "seed").flatMap({ UInt64($0) }) else { break }
            self = .wakeSleep(scale: scale, load: load, seed: seed)
            return
        case "fluctuations":
            guard (2...4).contains(tokens.count), let scale = FluctuationScale(rawValue: scaleText),
                  let seed = value(0, "seed").flatMap({ UInt64($0) }), let t = value(1, "T").flatMap({ Int($0) })
            else { break }
            var synapses: Int?, dt: Double?, known = 2
            if let n = value(known, "N").flatMap({ Int($0) }) { synapses = n; known += 1 }
            if let d = value(known, "dt").flatMap({ Double($0) }) { dt = d; known += 1 }
            guard known == tokens.count else { break }
            self = .fluctuations(scale: scale, seed: seed, duration: t, synapses: synapses, dt: dt)
            return
        default: break
        }
        throw SimulationPointError.unrecognised(directory)
    }

    /// The `simulate` arguments that produce this point into `directory`.
    public func simulateArguments(directory dir: String) -> [String] {
        switch self {
        case .attractor(let s, let z, let alpha, let seed, let n):
            return ["attractor", "--scale", s.rawValue, "--z", "\(z)", "--alpha", alpha.text, "--seed", "\(seed)", "--out", dir]
                + (n.map { ["--n", "\($0)"] } ?? [])
        case .wakeSleep(let s, let load, let seed):
            return ["wake-sleep", "--scale", s.rawValue, "--load", load.rawValue, "--seed", "\(seed)", "--out", dir]
        case .fluctuations(let s, let seed, let t, let synapses, let dt):
            return ["fluctuations", "--scale", s.rawValue, "--seed", "\(seed)", "--t", "\(t)", "--out", dir]
                + (synapses.map { ["--n", "\($0)"] } ?? []) + (dt.map { ["--dt", "\($0)"] } ?? [])
        }
    }
}

public enum SimulationPointError: Error, CustomStringConvertible {
    case unrecognised(String)

    public var description: String {
        switch self {
        case .unrecognised(let d):
            return "'\(d)' is not a result directory of the form data/results/<scale>/<model>/<point> "
                + "(e.g. data/results/tiny/attractor/z1_alpha0.08_seed100, …/attractor/z1_alpha0.08_seed100_N1000, …/wake-sleep/high_seed700, "
                + "…/fluctuations/seed1_T40)"
        }
    }
}

extension SimulationPoint {
    /// The point of a fluctuation run with these parameters (synapses and dt named only when
    /// they are not the scale's).
    public static func fluctuations(_ p: FluctuationParameters, scale: FluctuationScale) -> SimulationPoint {
        .fluctuations(scale: scale, seed: p.seed, duration: p.duration,
                      synapses: p.synapses == scale.defaultSynapses ? nil : p.synapses,
                      dt: p.dt == FluctuationParameters.defaultDt ? nil : p.dt)
    }
}
