"""The package as installed: its version, its names, the stubs that
describe them and the docstrings on each."""

import ast
import inspect
import pathlib
import re

import pytest

import safeguarding_resolution as sgr
from conftest import REPO

PACKAGE = pathlib.Path(sgr.__file__).parent
STUBS = ast.parse((PACKAGE / "__init__.pyi").read_text(encoding="utf-8"))


def cargo_version(manifest):
    text = (REPO / manifest).read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)


def test_the_package_tested_is_the_one_installed():
    # Not the source directory python/safeguarding_resolution, which has no
    # native module.
    assert (REPO / "python") not in PACKAGE.parents
    assert sgr.evaluate.__module__.startswith("safeguarding_resolution")


def test_the_version_is_the_librarys():
    assert sgr.__version__ == cargo_version("Cargo.toml") == cargo_version("python/Cargo.toml")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", sgr.HOLIDAY_DATA_VERSION)


def test_the_package_is_typed():
    assert (PACKAGE / "py.typed").exists()


def stub_names():
    names = set()
    for node in STUBS.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(target.id for target in node.targets)
    return names


def test_the_stubs_describe_every_public_name_and_no_other():
    public = set(sgr.__all__)
    assert public == {name for name in dir(sgr) if not name.startswith("_")} | {"__version__"}
    assert {name for name in stub_names() if not name.startswith("_")} | {"__version__"} == public
    for node in STUBS.body:
        if isinstance(node, ast.ClassDef):
            stubbed = {item.name for item in node.body if isinstance(item, ast.FunctionDef)} - {"__init__"}
            stubbed |= {item.target.id for item in node.body if isinstance(item, ast.AnnAssign)}
            cls = getattr(sgr, node.name)
            if node.name == "Engine":
                actual = {name for name in dir(cls) if not name.startswith("_")}
                assert stubbed == actual
        elif isinstance(node, ast.FunctionDef):
            parameters = [a.arg for a in node.args.args]
            assert parameters == list(inspect.signature(getattr(sgr, node.name)).parameters), node.name


def test_every_public_name_has_a_docstring():
    assert sgr.__doc__ and "as_of" in sgr.__doc__
    for name in sgr.__all__:
        value = getattr(sgr, name)
        if callable(value):
            assert value.__doc__ and len(value.__doc__) > 40, name
    for name in dir(sgr.Engine):
        if not name.startswith("_"):
            assert getattr(sgr.Engine, name).__doc__, name
    assert sgr.Engine.__doc__ and sgr.Error.__doc__


def test_the_calendar_functions_show_their_default_division():
    signature = inspect.signature(sgr.add_working_days)
    assert signature.parameters["division"].default == "england-and-wales"
    signature = inspect.signature(sgr.Engine.is_working_day)
    assert list(signature.parameters) == ["self", "date", "division"]


def test_the_stubs_agree_with_the_module_at_run_time():
    # mypy's stubtest, when mypy is installed (python/tests/pytest.rs
    # installs it): every name, signature and default of the stubs against
    # the module as built.
    stubtest = pytest.importorskip("mypy.stubtest")
    assert stubtest.test_stubs(stubtest.parse_options(["safeguarding_resolution"])) == 0
