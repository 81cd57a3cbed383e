public enum DeskAppPlaceholder {}
