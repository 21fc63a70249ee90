"""What the torch fixture generators (generate_nn.py, generate_training.py,
generate_bn_training.py) share: where the fixtures go, a tensor as JSON lists, and the one JSON
layout they all write (sorted keys, indent 1, a final newline). Not a generator itself:
generate.py runs the generate_*.py scripts only."""

import json
import pathlib

FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"


def lst(x):
    """A torch tensor as nested Python lists of floats."""
    return x.detach().numpy().tolist()


def write(name, data):
    """tests/reference/fixtures/<name> as JSON."""
    with open(FIXTURES / name, "w") as f:
        json.dump(data, f, sort_keys=True, indent=1)
        f.write("\n")
