// The TikTok stand-in as a process of its own, for tests that are not Qt programs (the MCP SDK
// test in tests/mcp): prints its port on stdout, then serves until stdin closes.
#include "TikTokStandIn.h"

#include <QCoreApplication>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    return cq::test::serveStandInUntilStdinCloses();
}
