// Every claim, in report order, and the evaluation of one variant: requirements first
// (missing → "not run" with the target that makes them), then expectation, then the test.

import Experiments
import Foundation
import Sim

public enum ClaimRegistry {
    public static let all: [Claim] = Figure2Claims.all + Figure3Claims.all + Figure56Claims.all + TheoryClaims.all

    /// Ids no longer in the registry, never to be reused, with why they went.
    public static let retired: [String: String] = [
        "F2-density-above-l0": "vacuous: the L0 bound (0.005–0.12) is cleared by any network that stores its patterns; replaced by F2-density-z34-values",
        "F3-density-start": "vacuous: density 1 when sleep starts is the initial condition",
    ]

    /// Ids that occur more than once (must be none; a test checks).
    public static var duplicateIDs: [String] {
        Dictionary(grouping: all, by: \.id).filter { $0.value.count > 1 }.map(\.key).sorted()
    }

    /// The variants a report at `scale` evaluates: the scale itself, then (for the scales of
    /// the finite-size study) the study's other network sizes, then the committed evidence
    /// set when the checkout has one (`root`: the package root).
    public static func variants(scale: Scale, root: URL? = nil) -> [Variant] {
        let own = Variant(scale: scale)
        var all = [own]
        let committed = root.map { EvidenceState.inspect(set: $0.appendingPathComponent(EvidenceSet.root)) }
        let hasCommitted = !(committed?.present.isEmpty ?? true)
        if FiniteSizeStudy.covers(scale) {
            for size in FiniteSizeStudy.sizes {
                let v = Variant(scale: size.scale, attractorN: size.n)
                // The committed set stands for the study's N = 1000 points unless some were
                // computed here (then both are shown: the same bytes, unless the code changed).
                if v == own || (hasCommitted && v == Variant(scale: EvidenceSet.scale) && !computedLarge(root)) { continue }
                all.append(v)
            }
        }
        if let committed, hasCommitted { all.append(.committed(at: committed.commitLabel)) }
        return all
    }

    /// Whether data/results holds any of the evidence set's N = 1000 points.
    static func computedLarge(_ root: URL?) -> Bool {
        guard let root else { return false }
        return EvidenceSet.points.contains {
            FileManager.default.fileExists(atPath: root.appendingPathComponent($0.directory()).appendingPathComponent(ResultStore.sidecarName).path)
        }
    }

    /// Whether a claim is evaluated at a variant of a report at `scale`: every claim at the
    /// scale itself; at the study's other sizes only the claims that read nothing but its
    /// points (the tolerance loads); on the committed evidence set the claims that read nothing but points
    /// of the set (and no array it leaves out).
    public static func applies(_ claim: Claim, at inputs: ClaimInputs, reportScale: Scale) -> Bool {
        guard inputs.variant != Variant(scale: reportScale) else { return true }
        let reqs = claim.requires(inputs)
        if inputs.variant.isCommitted {
            return !reqs.isEmpty && reqs.allSatisfy {
                switch $0 {
                case .point(let p): return EvidenceSet.contains(p)
                case .array(let p, let name): return EvidenceSet.contains(p) && !EvidenceSet.leftOut.contains(name)
                case .file: return false
                }
            }
        }
        return !reqs.isEmpty && reqs.allSatisfy {
            switch $0 {
            case .point(.attractor(_, _, let alpha, _, _)), .array(.attractor(_, _, let alpha, _, _), _):
                return FiniteSizeStudy.alphas.contains(alpha)
            default: return false
            }
        }
    }

    /// One row per claim that applies at the inputs' variant in a report at `reportScale`
    /// (default: the variant's own scale).
    public static func evaluate(_ claims: [Claim] = all, inputs: ClaimInputs, reportScale: Scale? = nil) -> [ClaimRow] {
        let scale = reportScale ?? inputs.variant.scale
        return claims.filter { applies($0, at: inputs, reportScale: scale) }.map { evaluate($0, inputs: inputs, reportScale: scale) }
    }

    public static func evaluate(_ claim: Claim, inputs: ClaimInputs, reportScale: Scale? = nil) -> ClaimRow {
        var row = ClaimRow(id: claim.id, figure: claim.figure, panel: claim.panels.joined(separator: "+"),
                           statement: claim.statement, paperValue: claim.paperValue, ours: "", status: .notRun,
                           scale: inputs.variant.description, source: claim.source.description,
                           expected: claim.expected.label, test: claim.test, reason: "", kind: claim.check.kind.rawValue)
        let reqs = claim.requires(inputs)
        let missing = reqs.filter { !inputs.exists($0) }
        let (expected, why) = claim.expected.check(at: inputs.variant)
        row.expectedHere = expected
        if let evidence = inputs.evidence, evidence.isStale {
            row.status = .stale
            row.reason = "the committed set is stale, the current code would not make it ("
                + evidence.stale.prefix(2).joined(separator: "; ") + (evidence.stale.count > 2 ? "; …" : "")
                + "): remake it with `\(EvidenceSet.makeTarget)`"
            return row
        }
        if !missing.isEmpty {
            row.status = .notRun
            let study = inputs.variant != Variant(scale: reportScale ?? inputs.variant.scale)
            row.reason = notRunReason(claim, missing: missing, of: reqs.count, inputs: inputs, study: study)
            return row
        }
        do {
            let e = try claim.evaluate(inputs)
            row.ours = e.ours
            if expected, let known = claim.expected.openDifferenceReason {
                row.status = e.holds ? .holds : .openDifference
                row.reason = e.holds ? (e.note ?? "") : [known, e.note].compactMap { $0 }.joined(separator: "; ")
            } else if expected, let cause = claim.expected.publishedRunCause {
                row.status = e.holds ? .holds : .differs
                row.reason = e.holds ? (e.note ?? "") : [cause, e.note].compactMap { $0 }.joined(separator: "; ")
            } else if expected {
                row.status = e.holds ? .holds : .fails
                row.reason = e.note ?? ""
            } else {
                row.status = .notExpected
                row.wouldHold = e.holds
                row.reason = [why, e.note].compactMap { $0 }.joined(separator: "; ")
            }
        } catch {
            row.status = .error
            row.reason = "\(error)"
        }
        return row
    }

    /// "3 of 4 results missing (data/results/…/result.json, …); make figure2 SCALE=default".
    static func notRunReason(_ claim: Claim, missing: [Requirement], of total: Int, inputs: ClaimInputs,
                             study: Bool) -> String {
        let root = inputs.root.path.hasSuffix("/") ? inputs.root.path : inputs.root.path + "/"
        let paths = missing.map { r -> String in
            let p = inputs.path(r).path
            return p.hasPrefix(root) ? String(p.dropFirst(root.count)) : p
        }
        let files = missing.filter { if case .file = $0 { return true }; return false }
        if !files.isEmpty { return "input file missing: " + paths.joined(separator: ", ") }
        if inputs.variant.isCommitted {
            let names = missing.compactMap { r -> String? in if case .point(let p) = r { return p.name }; return nil }
            return "\(missing.count) of \(total) points not in the committed set yet (\(names.prefix(3).joined(separator: ", "))"
                + (names.count > 3 ? ", …" : "") + "): `\(EvidenceSet.makeTarget)` computes and packs them"
        }
        // The finite-size study's points are one target whatever the scale.
        let target = !study ? "make \(claim.figure) SCALE=\(inputs.variant.scale.rawValue)"
            : inputs.variant.attractorN == 1000 ? EvidenceSet.makeTarget : "make finite-size"
        let shown = paths.prefix(2).joined(separator: ", ") + (paths.count > 2 ? ", …" : "")
        return "\(missing.count) of \(total) results missing (\(shown)); make them with `\(target)`"
            + (missing.count == 1 ? " or `make \(paths[0])`" : "")
    }
}
