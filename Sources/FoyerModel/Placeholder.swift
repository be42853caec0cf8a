public enum FoyerModelPlaceholder {}
