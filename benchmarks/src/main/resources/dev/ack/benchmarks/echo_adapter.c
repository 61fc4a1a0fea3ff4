/*
 * The smallest adapter that speaks the protocol (spec/protocol.md): it answers `hello` with a
 * handshake that claims no area, `reset` and `shutdown` with {}, and anything else with BadRequest.
 * It parses nothing but the request's id and op, so what a round trip with it costs is the floor of
 * any adapter: two pipes and two process wake-ups. ProtocolRoundTrips compiles it with `cc -O2`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The text after `"key":` in `line` (spaces skipped), or NULL. Enough for the runner's own requests. */
static const char *field(const char *line, const char *key) {
    const char *at = strstr(line, key);
    if (at == NULL) return NULL;
    at += strlen(key);
    while (*at == ' ' || *at == ':') at++;
    return at;
}

int main(void) {
    static char line[1 << 16];
    while (fgets(line, sizeof line, stdin) != NULL) {
        const char *id = field(line, "\"id\"");
        const char *op = field(line, "\"op\"");
        long number = id == NULL ? 0 : strtol(id, NULL, 10);
        if (line[0] != '{' || id == NULL || op == NULL || number <= 0) {
            fputs("{\"id\":null,\"ok\":false,\"error\":{\"kind\":\"BadRequest\",\"message\":\"not a request\"}}\n", stdout);
        } else if (strncmp(op, "\"hello\"", 7) == 0) {
            printf("{\"id\":%ld,\"ok\":true,\"result\":{\"name\":\"echo\",\"version\":\"1\",\"language\":\"c\","
                   "\"protocol\":1,\"areas\":[],\"capabilities\":[]}}\n", number);
        } else if (strncmp(op, "\"reset\"", 7) == 0 || strncmp(op, "\"shutdown\"", 10) == 0) {
            printf("{\"id\":%ld,\"ok\":true,\"result\":{}}\n", number);
            if (op[1] == 's') {
                fflush(stdout);
                return 0;
            }
        } else {
            printf("{\"id\":%ld,\"ok\":false,\"error\":{\"kind\":\"BadRequest\",\"message\":\"unknown op\"}}\n", number);
        }
        fflush(stdout);
    }
    return 0;
}
