"""Keep None, True and False alive under PySide6 6.12 on Python 3.11.

PySide6 6.12's wheels are built for the stable ABI with the headers of Python 3.12, where None is
immortal and returning it takes no reference. On Python 3.11 every PySide6 call that returns None
(``QLabel.setText``, ``QWidget.setVisible``, a parentless ``parent()``, …) therefore gives back a
reference it never took. A desk that runs all day makes millions of such calls; once None's count
reaches zero the process dies with "Fatal Python error: none_dealloc". Calls that return True or
False through the same headers lose references to them alike ("bool_dealloc"). Python 3.12 solved
this by giving these objects a count so high it never falls; we do the same for 3.11, once, before
the desk runs. NotImplemented and Ellipsis, immortal in 3.12 too, are treated the same.
"""

import ctypes
import sys

# As good as immortal: a million calls a second would take nine years to use it up.
EXTRA_REFERENCES = 1 << 48


SINGLETONS = (None, True, False, NotImplemented, Ellipsis)


def keep_none_alive() -> None:
    """Raise the singletons' reference counts far out of reach, where the interpreter lets them fall."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "getobjects"):
        return  # they are immortal, or the object layout is not the plain one read below
    for singleton in SINGLETONS:
        _make_immortal(singleton)


def _make_immortal(singleton: object) -> None:
    count = ctypes.c_ssize_t.from_address(id(singleton))  # ob_refcnt is the first field of every object
    if count.value >= EXTRA_REFERENCES:
        return  # already done
    # getrefcount counts its own argument too: if the two disagree, this is not the field we think.
    if count.value != sys.getrefcount(singleton) - 1:
        return
    count.value += EXTRA_REFERENCES
