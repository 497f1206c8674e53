// The doctest runner of the core's unit tests (tests/core/<module>_test.cpp mirror src/core).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
