import Foundation

/// The reference data beside the project (`../shared/`), present in CI and on the developers'
/// machines but not in a user's clone: tests that need it are skipped with a message.
enum SharedData {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static var denverTMY3: URL { url("weather/USA_CO_Denver-725650_TMY3.epw") }

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: denverTMY3.path) }

    static let absentMessage = "../shared/ is absent (a user's clone): the reference-data tests are skipped"

    /// The project's own folder.
    static let project = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
