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

#endif
