import Foundation

/// The tariff files of this folder, bundled with Foyer as resources.
///
/// This Swift file exists only so that SwiftPM can ship `Tariffs/` as the resources of a target
/// (`FoyerTariffFiles`); the data are the JSON files beside it.
public enum TariffFiles {
    /// The folder holding `fr/` and `be/` in the built product.
    public static var directory: URL? {
        Bundle.module.resourceURL
    }
}
