"""kealign's exceptions: what the C++ library throws, as Python classes."""


class Error(Exception):
    """Base of every error kealign raises."""


class InputError(Error, ValueError):
    """The input is not what it must be (bad encoding, NUL byte, malformed TSV, a pair that is not a
    translation). ``file`` names the input ("ko"/"en" for text passed as str), ``line`` is 1-based
    and ``byte`` 0-based into it (None when unknown), ``problem`` is the message without the place."""

    def __init__(self, message, file=None, line=None, byte=None, problem=None):
        super().__init__(message)
        self.file = file
        self.line = line
        self.byte = byte
        self.problem = problem if problem is not None else message


class UsageError(Error, ValueError):
    """An option or argument is invalid (unknown language, check or parameter)."""


class IoError(Error, OSError):
    """The operating system refused (missing file, unreadable input)."""
