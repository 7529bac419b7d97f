// pluresdb-cli keygen: prints a new sync key (64 lowercase hex characters).
#include "app/cli/CliCommand.h"
#include "core/api/Database.h"

namespace pluresdb::cli {
namespace {

int runKeygen(CliContext& ctx) {
    if (!ctx.args.isEmpty()) {
        ctx.err << "pluresdb-cli: keygen takes no arguments\n";
        return 2;
    }
    ctx.out << Database::generateSyncKey() << "\n";
    return 0;
}

const CliCommandRegistration kKeygen{
    {"keygen", "keygen", "print a new random sync key (64 hex characters)", runKeygen}};

}  // namespace
}  // namespace pluresdb::cli
