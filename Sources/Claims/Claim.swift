// One checkable claim of the paper, as data: what it says, the paper's value and where that
// value comes from, the test (in words, and as a `ClaimCheck` with its controls), where a
// faithful model is expected to show it, which results it needs, and the function that
// measures our numbers from the typed results.

import Experiments

public struct Claim: Sendable {
    /// Stable id (`F2-density-z1`, …): ids are never renamed, so reports can be compared.
    public let id: String
    /// "figure2", "figure3", "figure5-6" or "theory".
    public let figure: String
    /// Panel numbers as in the file names ("08"); empty when the claim has no panel.
    public let panels: [String]
    public let statement: String
    /// The paper's value, as text ("0.50 ± 0.03", "z1 > z2 > z3 > z4").
    public let paperValue: String
    /// Where the paper's value comes from.
    public let source: ClaimSource
    /// The test in words ("within 0.05 of each", "argmax over z is z = 2").
    public let test: String
    public let expected: Expectation
    /// The results this claim reads (at the inputs' variant); missing ones make it "not run".
    public let requires: @Sendable (ClaimInputs) -> [Requirement]
    /// The test applied to the measured numbers, with its controls.
    public let check: ClaimCheck
    /// Measures our numbers from the typed results.
    public let measure: @Sendable (ClaimInputs) throws -> Measured

    public init(id: String, figure: String, panels: [String], statement: String, paperValue: String,
                source: ClaimSource, test: String, expected: Expectation,
                requires: @escaping @Sendable (ClaimInputs) -> [Requirement], check: ClaimCheck,
                measure: @escaping @Sendable (ClaimInputs) throws -> Measured) {
        self.id = id; self.figure = figure; self.panels = panels; self.statement = statement
        self.paperValue = paperValue; self.source = source; self.test = test; self.expected = expected
        self.requires = requires; self.check = check; self.measure = measure
    }

    /// Measures and applies the check.
    public func evaluate(_ inputs: ClaimInputs) throws -> Evaluation {
        let m = try measure(inputs)
        return Evaluation(ours: m.ours, holds: check.holds(m.values), note: m.note)
    }
}

/// Where a paper value comes from (the report prints kind and detail).
public struct ClaimSource: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        /// A number the authors' notebooks print or write on a panel.
        case printed
        /// Read off the published panel (approximate: about one tick fraction).
        case panel
        /// The published theory tables (data/theory/*.csv).
        case table
        /// The released scripts re-run with their own seeds.
        case originalCode = "original code"
    }
    public var kinds: [Kind]
    public var detail: String

    public init(_ kinds: Kind..., detail: String = "") { self.kinds = kinds; self.detail = detail }

    public var description: String {
        kinds.map(\.rawValue).joined(separator: " + ") + (detail.isEmpty ? "" : ": \(detail)")
    }
}

/// Where a faithful model is expected to show a claim.
public enum Expectation: Sendable {
    /// At every scale but `tiny` (tiny networks exist for tests).
    case everyScale
    /// Reads no simulation (theory, the data): expected at every scale, tiny included.
    case independentOfScale
    /// Only with the paper's network size N = 1000 (Figure 2); the reason says what hides it
    /// at smaller N.
    /// `open`: measured to differ at N = 1000 beyond the derived tolerance with the cause not
    /// found yet; a failure there is an "open difference" (see `openDifference`).
    case networkSize1000(reason: String, open: String? = nil)
    /// Only with the paper's exact protocol (`paper` scale).
    case paperProtocol(reason: String)
    /// The published numbers come from a run the released code does not reproduce: computed
    /// on our run at every scale but `tiny`; a value that agrees holds, one that does not is
    /// "differs from the published run" with this cause (not a failure).
    case publishedRunOnly(reason: String)
    /// Measured to differ from the paper where it was expected, beyond the derived tolerance,
    /// with the cause not yet found: computed at every scale but `tiny`; a value that agrees
    /// holds, one that does not is "open difference", counted on its own with the measured
    /// numbers in the reason. The reason says what is known; once the cause is found the claim
    /// moves back to the expectation it names.
    case openDifference(reason: String)

    /// Whether the claim is expected at `variant`, and if not, why.
    public func check(at variant: Variant) -> (expected: Bool, reason: String?) {
        if case .independentOfScale = self { return (true, nil) }
        if variant.scale == .tiny && !variant.isNetworkSizeOverride {
            return (false, "the tiny scale (N = 60 for Figure 2) exists for quick tests; no claim is expected there")
        }
        switch self {
        case .everyScale, .independentOfScale: return (true, nil)
        case .networkSize1000(let reason, _):
            return variant.attractorN == 1000 ? (true, nil) : (false, "N = \(variant.attractorN): \(reason)")
        case .paperProtocol(let reason):
            return variant.scale == .paper ? (true, nil) : (false, reason)
        case .publishedRunOnly, .openDifference: return (true, nil)
        }
    }

    /// The known cause when a claim's value may differ from the published one.
    public var publishedRunCause: String? {
        if case .publishedRunOnly(let reason) = self { return reason }
        return nil
    }

    /// What is known of an open difference.
    public var openDifferenceReason: String? {
        if case .openDifference(let reason) = self { return reason }
        if case .networkSize1000(_, let open?) = self { return open }
        return nil
    }

    /// Short form for the tables ("all", "N=1000", "paper", "published run only").
    public var label: String {
        switch self {
        case .everyScale: return "all"
        case .independentOfScale: return "any (no simulation)"
        case .networkSize1000: return "N=1000"
        case .paperProtocol: return "paper"
        case .publishedRunOnly: return "published run only"
        case .openDifference: return "all (open difference)"
        }
    }
}

/// What a claim's evaluation found: our value as text, the numbers behind it, and whether the
/// test holds.
public struct Evaluation: Sendable {
    public var ours: String
    public var holds: Bool
    /// Extra words shown under the value (what was compared, a known cause).
    public var note: String?

    public init(ours: String, holds: Bool, note: String? = nil) { self.ours = ours; self.holds = holds; self.note = note }
}

/// A scale, and for Figure 2 optionally another network size N at that scale's training
/// (the finite-size study: `…/attractor/z1_alpha0.08_seed100_N1000`), or the committed
/// evidence set (data/evidence, `EvidenceSet`) instead of data/results.
public struct Variant: Sendable, Hashable, CustomStringConvertible {
    public var scale: Scale
    public var attractorNOverride: Int?
    /// The commits of the committed evidence set when this variant reads it (its results live
    /// in data/evidence, not data/results); nil for computed results.
    public var committedAt: String?

    public init(scale: Scale, attractorN: Int? = nil) { self.scale = scale; attractorNOverride = attractorN }

    /// The committed evidence set, made at `commits`.
    public static func committed(at commits: String) -> Variant {
        var v = Variant(scale: EvidenceSet.scale)
        v.committedAt = commits
        return v
    }

    public var isNetworkSizeOverride: Bool { attractorNOverride != nil }
    public var isCommitted: Bool { committedAt != nil }
    /// N of the Figure 2 networks at this variant.
    public var attractorN: Int { attractorNOverride ?? scale.attractor.n }

    /// "default", "default N=1000", "large, committed at 4a2a037".
    public var description: String {
        scale.rawValue + (attractorNOverride.map { " N=\($0)" } ?? "") + (committedAt.map { ", committed at \($0)" } ?? "")
    }
}

/// A result a claim reads (a simulation point), one array of it that not every copy of the
/// result has (the committed evidence set leaves the N × N weights out), or an input file of
/// the repository.
public enum Requirement: Hashable, Sendable {
    case point(SimulationPoint)
    case array(SimulationPoint, String)
    case file(String)
}

/// A claim's input that is not in the results it read (a load, a run, a statistic).
enum ClaimError: Error, CustomStringConvertible {
    case missing(String)
    var description: String {
        switch self { case .missing(let what): return "missing \(what)" }
    }
}
