import Foundation
import Sim
import Testing

@Suite struct KaufmanDataTests {
    func fixture(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/fluct"))
    }

    /// The repository copy of the published data (data/kaufman_2012.csv).
    static var repositoryData: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(KaufmanData.defaultPath)
    }

    @Test func readsCRLFWithoutFinalNewlineAndMissingCells() throws {
        let m = try KaufmanData.load(fixture("crlf_missing"))
        #expect(m.rows == 3 && m.cols == 3)
        #expect(m[0, 0] == 1 && m[0, 1] == 2 && m[0, 2].isNaN)
        #expect(m[1, 1].isNaN && m[1, 2] == 3)
        #expect(m[2, 2] == 0.25)
        // A final newline is not an extra spine.
        let t = try KaufmanData.parse("1,2\n3,4\n", path: "x.csv")
        #expect(t.rows == 2)
    }

    @Test func malformedFilesNameFileAndLine() throws {
        for (name, line, words) in [("ragged", 2, "columns"), ("nonnumeric", 2, "'abc'"), ("negative", 3, "negative")] {
            let url = try fixture(name)
            do {
                _ = try KaufmanData.load(url)
                Issue.record("\(name) was accepted")
            } catch let e as DataFileError {
                #expect(e.description.hasPrefix("\(url.path):\(line): "), "\(e)")
                #expect(e.description.contains(words), "\(e)")
            }
        }
        #expect(throws: DataFileError.self) { try KaufmanData.load(URL(fileURLWithPath: "/nonexistent/k.csv")) }
        #expect(throws: DataFileError.self) { try KaufmanData.parse("", path: "empty.csv") }
    }

    @Test func publishedDataShapeAndLagOneSlopes() throws {
        let d = try KaufmanData.load(Self.repositoryData)
        #expect(d.rows == 1087 && d.cols == 49)
        // All 49 time points: 0.572 / 0.715.
        let all = LagSlopes(LagPairs(d, lag: 1))
        #expect(abs(all.potentiation.slope - 0.5721) < 0.0005)
        #expect(abs(all.depression.slope - 0.7149) < 0.0005)
        // The first 48 (the window of the CV statistics, as the figure uses): the published
        // 0.57 (Δw > 0) and 0.72 (Δw < 0) to two decimals.
        let s = LagSlopes(LagPairs(d.columns(0..<48), lag: 1))
        #expect(String(format: "%.2f", s.potentiation.slope) == "0.57")
        #expect(String(format: "%.2f", s.depression.slope) == "0.72")
        var options = FluctuationAnalysisOptions()
        options.resamples = 5
        options.lags = [1]
        let analysis = try FluctuationAnalysis.analyse(data: d, options: options)
        #expect(analysis.slopes(lag: 1)?.depression.slope == s.depression.slope)
    }

    @Test func publishedDataQMin() throws {
        let d = try KaufmanData.load(Self.repositoryData)
        let nv = NormVariability(d, window: 0..<48, presentAt: 48,
                                 options: NormVariabilityOptions(resamples: 1000, seed: 123))
        #expect(nv.synapses == 1087)
        // Paper 1.09 ± 0.43 with NumPy's generator; the q_min of the data itself is 1.6.
        #expect(nv.qMinPerResample[0] == 1.6)
        #expect(abs(nv.qMinMean - 1.05) < 0.1)
        #expect(nv.qMinStd > 0.15 && nv.qMinStd < 0.5)
    }
}
