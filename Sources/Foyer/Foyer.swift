@_exported import FoyerClimate
@_exported import FoyerCore
@_exported import FoyerEnergy
@_exported import FoyerModel
@_exported import FoyerNumerics
@_exported import FoyerThermal
