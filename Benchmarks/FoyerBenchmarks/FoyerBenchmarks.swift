import Benchmark
import Foundation
import Foyer

/// A diagonally dominant test matrix of order `n` shaped like a thermal network's: a chain of
/// nodes (element layers) each also coupled to the last node (the zone air), with a diagonal
/// that exceeds the sum of the couplings (capacity over the time step).
private func networkLikeMatrix(_ n: Int) -> DenseMatrix {
    var matrix = DenseMatrix(rows: n, columns: n)
    for i in 0..<n - 1 {
        matrix[i, i + 1] -= 1.5
        matrix[i + 1, i] -= 1.5
        if i + 1 < n - 1 {
            matrix[i, n - 1] -= 0.7
            matrix[n - 1, i] -= 0.7
        }
    }
    for i in 0..<n {
        var sum = 0.0
        for j in 0..<n where j != i { sum += abs(matrix[i, j]) }
        matrix[i, i] = sum + 1
    }
    return matrix
}

/// The weather of a case: the ASHRAE 140 Denver TMY3 file when ../shared is beside the
/// project, the embedded H1a year otherwise (the benchmark then says so in its name).
private func bestestWeather() -> (WeatherYear, String) {
    let denver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/weather/USA_CO_Denver-725650_TMY3.epw")
    if let year = try? Inputs.weather(source: denver.path).year { return (year, "Denver TMY3") }
    return (ReferenceClimate.h1a.weatherYear, "H1a")
}

let benchmarks: @Sendable () -> Void = {
    BLASThreads.useSingleThread()
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .throughput], warmupIterations: 3, maxDuration: .seconds(3))

    for n in [20, 35, 60] {
        let matrix = networkLikeMatrix(n)
        Benchmark("LU factorisation (dgetrf), n = \(n)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try? LUFactorization(matrix)) }
        }
        if let lu = try? LUFactorization(matrix) {
            Benchmark("one step: back-substitution on a kept LU, n = \(n)") { benchmark in
                var x = [Double](repeating: 1, count: n)
                for _ in benchmark.scaledIterations {
                    lu.solve(inPlace: &x)
                    blackHole(x)
                }
            }
        }
    }

    let (denver, denverName) = bestestWeather()
    let denverSolar = SurfaceIrradiance(weather: denver)
    let h1a = ReferenceClimate.h1a.weatherYear
    let h1aSolar = SurfaceIrradiance(weather: h1a)
    let cases: [(String, String, WeatherYear, SurfaceIrradiance, String)] = [
        ("BESTEST 600", "validation/ashrae140-600", denver, denverSolar, denverName),
        ("fr/sfh-1949-1974", "fr/sfh-1949-1974", h1a, h1aSolar, "H1a"),
    ]
    for (name, id, weather, solar, weatherName) in cases {
        guard let dwelling = Inputs.loadDwelling(id).dwelling else { continue }
        let options = SimulationOptions(idealLoads: true)
        for model in [ThermalModel.iso52016, .fiveR1C] {
            guard let zone = model == .fiveR1C
                ? try? ISO13790.prepare(dwelling, weather: weather, solar: solar, options: options)
                : try? ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options)
            else { continue }
            Benchmark("annual simulation, \(model.rawValue), \(name) (\(weatherName), \(zone.compiled.nodeCount) nodes)") { benchmark in
                for _ in benchmark.scaledIterations { blackHole(HourlyEngine.run(zone, warmUpHours: options.warmUpHours)) }
            }
            Benchmark("build network + hourly inputs, \(model.rawValue), \(name)") { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(model == .fiveR1C
                        ? try? ISO13790.prepare(dwelling, weather: weather, solar: solar, options: options)
                        : try? ISO52016.prepare(dwelling, weather: weather, solar: solar, options: options))
                }
            }
        }
    }
    Benchmark("solar geometry: 8760 sun positions (NREL SPA) and Perez irradiance on one surface") { benchmark in
        for _ in benchmark.scaledIterations {
            let solar = SurfaceIrradiance(weather: h1a)
            blackHole(solar.series(tiltDeg: 90, azimuthDeg: 180))
        }
    }

    // Issue 14, item 5: the savings table of one dwelling on site — every measure of the
    // catalogue alone, then cumulated, plus five packages simulated as wholes, bills included —
    // on one prepared weather year. Goal: under one second.
    if let house = Inputs.loadDwelling("fr/sfh-1949-1974", use: .conventional).dwelling, let tariffs = try? EnergyPipeline.tariffs() {
        let library = MeasureLibrary.load()
        let catalogue = library.measures
        let packages: [[Measure]] = [
            ["attic-insulation-r7", "window-replacement-uw13"],
            ["attic-insulation-r7", "wall-insulation-internal-r37"],
            ["attic-insulation-r7", "wall-insulation-external-r37", "window-replacement-uw13"],
            ["setpoint-minus-1c", "programmable-thermostat", "attic-insulation-r7"],
            ["wall-insulation-internal-r37", "window-replacement-uw13", "floor-insulation-r3"],
        ].map { ids in ids.compactMap { library.measure($0) } }
        for model in [ThermalModel.iso52016, .fiveR1C] {
            Benchmark("savings table, \(model.rawValue), fr/sfh-1949-1974, \(catalogue.count) measures alone and cumulated + 5 packages") { benchmark in
                for _ in benchmark.scaledIterations {
                    let prepared = PreparedWeather(h1a)
                    blackHole(try? SavingsEngine.run(house, measures: catalogue, weather: prepared, weatherName: "H1a", library: tariffs,
                                                     options: SavingsOptions(model: model), packages: packages))
                }
            }
        }
    }

    // Issue 16: a block of 64 batch job lines (5 archetypes × set-points × occupants, zone H1b) through
    // the batch runner, JSON parsing and record encoding included, on one thread; the runner keeps
    // the prepared weather between iterations as a batch process does. Throughput = blocks/s;
    // × 64 = dwelling-years per second per core.
    if let tariffs = try? EnergyPipeline.tariffs() {
        let cases: [(String, String)] = [
            ("5r1c, simulation", #"{"model": "5r1c", "compute": ["simulation"], "weather": "H1b"}"#),
            ("iso52016, simulation", #"{"model": "iso52016", "compute": ["simulation"], "weather": "H1b"}"#),
            ("iso52016, simulation + energy and bills", #"{"model": "iso52016", "compute": ["simulation", "energy"], "weather": "H1b"}"#),
        ]
        for (name, job) in cases {
            let sweep = #"{"id_prefix": "b", "job": \#(job), "parameters": ["#
                + #"{"path": "dwelling.base", "values": ["fr/sfh-pre-1948", "fr/sfh-1949-1974", "fr/sfh-1975-1989", "fr/sfh-2006-2012"]}, "#
                + #"{"path": "dwelling.thermostat.heating_setpoint_c", "values": [17, 18, 19, 20]}, "#
                + #"{"path": "dwelling.occupancy.occupants", "values": [1, 2, 3, 4]}]}"#
            var lines: [Data] = []
            guard (try? BatchSweep.expand(Data(sweep.utf8), file: "benchmark", emit: { lines.append(Data($0.dropLast())) })) != nil, lines.count == 64 else { continue }
            let runner = BatchRunner(library: tariffs, source: "benchmark")
            _ = runner.run(line: lines[0], number: 1)  // weather prepared before timing
            Benchmark("batch block of 64 jobs, \(name), one thread") { benchmark in
                for _ in benchmark.scaledIterations {
                    for (index, line) in lines.enumerated() { blackHole(BatchRunner.encode(runner.run(line: line, number: index + 1))) }
                }
            }
        }
    }
}
