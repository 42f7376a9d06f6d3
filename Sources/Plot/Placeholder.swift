import CCairo
public enum PlotPlaceholder {}
