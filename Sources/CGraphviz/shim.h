// The C side of PartnerGraph: libgvc and libcgraph from Graphviz, found through pkg-config
// (`libgvc`; Debian/Ubuntu package `libgraphviz-dev`).
#ifndef PARTNERGRAPH_CGRAPHVIZ_SHIM_H
#define PARTNERGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// Swift cannot read these C globals directly; wrap them.
static inline Agdesc_t pg_directed(void) { return Agdirected; }
static inline Agdesc_t pg_undirected(void) { return Agundirected; }

// agtail and aghead are macros; give Swift functions.
static inline Agnode_t *pg_tail(Agedge_t *e) { return agtail(e); }
static inline Agnode_t *pg_head(Agedge_t *e) { return aghead(e); }

// Flushes the DOT lexer's buffer (exported by libcgraph, not declared in its header).
extern void aglexbad(void);

// Reading DOT from memory one graph at a time, as agmemread does, but on a reader that stays
// open: a second agread on the same reader returns the next graph, or NULL (with an error when
// what follows the first graph is not DOT), so trailing text is never silently ignored.
typedef struct {
    const char *data;
    size_t length;
    size_t position;
} pg_memory_reader;

static inline int pg_memory_read(void *channel, char *buffer, int size) {
    pg_memory_reader *r = (pg_memory_reader *)channel;
    if (size <= 0 || r->position >= r->length) return 0;
    int n = 0;
    char c;
    do {
        c = r->data[r->position + n];
        buffer[n] = c;
        n++;
    } while (c != '\n' && n < size && r->position + n < r->length);
    r->position += n;
    return n;
}

static inline Agraph_t *pg_read(pg_memory_reader *reader) {
    static Agiodisc_t io;
    static Agdisc_t disc;
    io.afread = pg_memory_read;
    io.putstr = AgIoDisc.putstr;
    io.flush = AgIoDisc.flush;
    disc.mem = &AgMemDisc;
    disc.id = &AgIdDisc;
    disc.io = &io;
    return agread(reader, &disc);
}

#endif
