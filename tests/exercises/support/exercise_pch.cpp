// Compiles exercise_pch.hpp once; every exercise test target reuses it.
