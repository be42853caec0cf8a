import Foundation

/// The archetype files of this folder, bundled with Foyer as resources.
///
/// This Swift file exists only so that SwiftPM can ship `Buildings/` as the resources of a
/// target (`FoyerArchetypeFiles`); the data are the JSON files beside it.
public enum ArchetypeFiles {
    /// The folder holding `fr/`, `be/` and `validation/` in the built product.
    public static var directory: URL? {
        Bundle.module.resourceURL
    }
}
