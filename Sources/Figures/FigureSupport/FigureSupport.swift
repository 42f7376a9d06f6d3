import Plot
import Sim
