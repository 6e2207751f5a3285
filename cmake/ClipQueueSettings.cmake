# Language level, warnings and Qt strictness shared by every target through one INTERFACE target.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

set(CMAKE_CXX_STANDARD 23)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}")
endif()

# CI builds treat warnings as errors; local builds only show them.
if(DEFINED ENV{CI})
  set(CMAKE_COMPILE_WARNING_AS_ERROR ON)
endif()

add_library(clipqueue_settings INTERFACE)
target_compile_options(clipqueue_settings INTERFACE
  -Wall -Wextra -pedantic -Wold-style-cast -Wnon-virtual-dtor -Wshadow=local)
target_compile_definitions(clipqueue_settings INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_USE_QSTRINGBUILDER
  QT_NO_KEYWORDS
  QT_DISABLE_DEPRECATED_BEFORE=0x060400)

option(CLIPQUEUE_SANITIZE "Build with AddressSanitizer and UBSan" OFF)
if(CLIPQUEUE_SANITIZE)
  target_compile_options(clipqueue_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
  target_link_options(clipqueue_settings INTERFACE -fsanitize=address,undefined)
endif()
