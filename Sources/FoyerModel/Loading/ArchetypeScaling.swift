import FoyerCore
import Foundation

/// What a new floor area does to an archetype's envelope.
///
/// A file that takes an archetype (`base`) and states its own `geometry.floor_area_m2` describes
/// a house of that size, not the archetype's envelope around a smaller or larger floor. Before the
/// file's own values are laid over it, the archetype is scaled as a plan kept geometrically
/// similar, with the same storeys and storey height: with f = new area ÷ archetype area,
/// - roofs and floors (horizontal): area × f; the heated volume, when the archetype gives one, × f;
/// - walls and windows (vertical, along the perimeter): area × √f; exposed perimeters and linear
///   thermal-bridge lengths × √f;
/// - doors: unchanged (a house keeps its doors).
/// Whatever the file states itself (an element's area, a volume) is then taken as written. The
/// scaling is reported among the defaults, with its factor.
enum ArchetypeScaling {
    static func scale(_ base: inout JSONValue, toFloorAreaOf overrides: JSONValue, archetype: String) -> DefaultedValue? {
        guard case let .object(top) = overrides, case let .object(geometry)? = top["geometry"],
              case let .number(newArea)? = geometry["floor_area_m2"], newArea.isFinite, newArea > 0,
              case var .object(baseTop) = base, case var .object(baseGeometry)? = baseTop["geometry"],
              case let .number(oldArea)? = baseGeometry["floor_area_m2"], oldArea.isFinite, oldArea > 0,
              abs(newArea / oldArea - 1) > 1e-9 else { return nil }
        // Absurd areas are the resolver's to refuse; scaling by them would only hide the value.
        guard (1...Limits.largestFloorAreaM2).contains(newArea) else { return nil }
        let f = newArea / oldArea, r = f.squareRoot()
        if case let .number(volume)? = baseGeometry["volume_m3"] { baseGeometry["volume_m3"] = .number(volume * f) }
        baseTop["geometry"] = .object(baseGeometry)
        if case var .object(envelope)? = baseTop["envelope"] {
            for (key, factor) in [("roofs", f), ("floors", f), ("walls", r), ("windows", r), ("doors", 1.0)] {
                envelope[key] = scaleElements(envelope[key], by: factor, perimeterBy: r)
            }
            baseTop["envelope"] = .object(envelope)
        }
        if case var .object(bridges)? = baseTop["thermal_bridges"], case let .array(linear)? = bridges["linear"] {
            bridges["linear"] = .array(linear.map { bridge in
                guard case var .object(members) = bridge, case let .number(length)? = members["length_m"] else { return bridge }
                members["length_m"] = .number(length * r)
                return .object(members)
            })
            baseTop["thermal_bridges"] = .object(bridges)
        }
        base = .object(baseTop)
        return DefaultedValue(
            path: "envelope",
            value: "archetype \(archetype) scaled by f = \(NumberText.short(newArea)) / \(NumberText.short(oldArea)) m² = \(NumberText.short(f, maxDecimals: 3)): roofs, floors and volume × f, walls, windows, perimeters and bridge lengths × √f = \(NumberText.short(r, maxDecimals: 3)), doors unchanged",
            reason: "geometry.floor_area_m2 differs from the archetype's: its plan is kept geometrically similar at the same storeys and height; values the file gives itself are taken as written")
    }

    private static func scaleElements(_ list: JSONValue?, by factor: Double, perimeterBy r: Double) -> JSONValue? {
        guard case let .array(elements)? = list else { return list }
        return .array(elements.map { element in
            guard case var .object(members) = element else { return element }
            if case let .number(area)? = members["area_m2"] { members["area_m2"] = .number(area * factor) }
            if case let .number(perimeter)? = members["exposed_perimeter_m"] { members["exposed_perimeter_m"] = .number(perimeter * r) }
            return .object(members)
        })
    }
}
