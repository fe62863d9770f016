// Posters and tiles: a laid-out graph recorded once as cairo vector operations, then replayed
// onto pages of exactly the paper's size (a PDF or a PNG), and onto tiles of a multi-page PDF
// (Graphviz paginates only PostScript, and its own PDF page is the drawing's size). Included
// by shim.h; called with the Swift side's Graphviz lock held. The page composition (where the
// drawing goes, names, marks) is Swift's, through cairo's own functions.
#ifndef JOURNEYMAP_TILES_H
#define JOURNEYMAP_TILES_H

#include <cairo/cairo.h>
#include <math.h>
#include <cairo/cairo-pdf.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

typedef struct { unsigned char *data; size_t len; size_t cap; int failed; } jm_buffer;

static cairo_status_t jm_buffer_write(void *closure, const unsigned char *data, unsigned int length) {
    jm_buffer *b = (jm_buffer *)closure;
    if (b->len + length > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 65536;
        while (cap < b->len + length) cap *= 2;
        unsigned char *bigger = (unsigned char *)realloc(b->data, cap);
        if (!bigger) { b->failed = 1; return CAIRO_STATUS_WRITE_ERROR; }
        b->data = bigger; b->cap = cap;
    }
    memcpy(b->data + b->len, data, length);
    b->len += length;
    return CAIRO_STATUS_SUCCESS;
}

// Draws the laid-out graph once into a recording surface (vector) and reports the extents
// of what was drawn: the tiles replay it, so the drawing's real size decides the grid.
static int jm_draw(GVC_t *gvc, Agraph_t *g, cairo_t *cr) {
    // The cairo PNG device also writes PNG bytes to standard output: send them nowhere.
    fflush(stdout);
    int saved = dup(STDOUT_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) { dup2(null, STDOUT_FILENO); close(null); }
    int rc = gvRenderContext(gvc, g, "png:cairo", cr);
    fflush(stdout);
    if (saved >= 0) { dup2(saved, STDOUT_FILENO); close(saved); }
    return rc;
}

// `limit_w` x `limit_h`: a bound on the drawing (the device writes the target out as a PNG
// at the end of a page, which cairo 1.16 cannot do for an unbounded recording).
static inline cairo_surface_t *jm_record(GVC_t *gvc, Agraph_t *g, double limit_w, double limit_h,
                                         double *x0, double *y0, double *w, double *h) {
    cairo_rectangle_t bound = { 0, 0, limit_w, limit_h };
    cairo_surface_t *probe = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &bound);
    cairo_t *cr = cairo_create(probe);
    int rc = jm_draw(gvc, g, cr);
    cairo_destroy(cr);
    if (rc != 0 || cairo_surface_status(probe) != CAIRO_STATUS_SUCCESS) { cairo_surface_destroy(probe); return NULL; }
    cairo_recording_surface_ink_extents(probe, x0, y0, w, h);
    cairo_surface_destroy(probe);
    if (*w <= 0 || *h <= 0) return NULL;
    cairo_rectangle_t extents = { *x0, *y0, *w, *h };
    cairo_surface_t *rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents);
    cr = cairo_create(rec);
    rc = jm_draw(gvc, g, cr);
    cairo_destroy(cr);
    if (rc != 0 || cairo_surface_status(rec) != CAIRO_STATUS_SUCCESS) { cairo_surface_destroy(rec); return NULL; }
    return rec;
}

static inline void jm_surface_destroy(cairo_surface_t *s) { cairo_surface_destroy(s); }

// Paints the recording (extents x0, y0) scaled by `scale` with its top-left corner at (x, y).
static inline void jm_paint(cairo_t *cr, cairo_surface_t *rec, double x0, double y0, double x, double y, double scale) {
    cairo_save(cr);
    cairo_translate(cr, x, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, rec, -x0, -y0);
    cairo_paint(cr);
    cairo_restore(cr);
}

// A document being drawn: a PDF (pages of `w` x `h` points) or one PNG image (w x h pixels).
typedef struct { cairo_surface_t *surface; cairo_t *cr; jm_buffer buf; int png; } jm_doc;

static inline jm_doc *jm_doc_create(int png, double w, double h) {
    jm_doc *d = (jm_doc *)calloc(1, sizeof(jm_doc));
    if (!d) return NULL;
    d->png = png;
    d->surface = png ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32, (int)w, (int)h)
                     : cairo_pdf_surface_create_for_stream(jm_buffer_write, &d->buf, w, h);
    d->cr = cairo_create(d->surface);
    if (cairo_status(d->cr) != CAIRO_STATUS_SUCCESS) {
        cairo_destroy(d->cr); cairo_surface_destroy(d->surface); free(d); return NULL;
    }
    return d;
}

static inline cairo_t *jm_doc_context(jm_doc *d) { return d->cr; }

static inline void jm_doc_set_title(jm_doc *d, const char *title) {
    if (!d->png) cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, title);
}

// Ends the document: 0 and its bytes in *out (free them), or non-zero. Frees `d` either way.
static inline int jm_doc_finish(jm_doc *d, unsigned char **out, size_t *out_len) {
    int failed = 0;
    if (d->png) {
        cairo_surface_flush(d->surface);
        failed = cairo_surface_write_to_png_stream(d->surface, jm_buffer_write, &d->buf) != CAIRO_STATUS_SUCCESS;
    }
    cairo_destroy(d->cr);
    cairo_surface_finish(d->surface);
    failed = failed || cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS || d->buf.failed;
    cairo_surface_destroy(d->surface);
    if (failed) { free(d->buf.data); free(d); return 1; }
    *out = d->buf.data;
    *out_len = d->buf.len;
    free(d);
    return 0;
}

// Marks in `mask` (w x h bytes, row by row) the pixels where the drawing, scaled by `scale`
// pixels a recorded unit, differs from the background by more than 2 levels: 1 where a line,
// a letter or a fill shows, 0 where only the background (or nothing) is. 0 on success.
static inline int jm_ink_mask(cairo_surface_t *rec, double x0, double y0, double scale, int w, int h,
                              double r, double g, double b, unsigned char *mask) {
    if (w <= 0 || h <= 0) return 1;
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, r, g, b);
    cairo_paint(cr);
    jm_paint(cr, rec, x0, y0, 0, 0, scale);
    cairo_destroy(cr);
    cairo_surface_flush(img);
    if (cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) { cairo_surface_destroy(img); return 1; }
    const unsigned char *px = cairo_image_surface_get_data(img);
    int stride = cairo_image_surface_get_stride(img);
    int br = (int)lround(r * 255), bg = (int)lround(g * 255), bb = (int)lround(b * 255);
    for (int j = 0; j < h; j++) {
        const uint32_t *row = (const uint32_t *)(px + (size_t)j * stride);
        for (int i = 0; i < w; i++) {
            uint32_t p = row[i];
            int pr = (p >> 16) & 0xFF, pg = (p >> 8) & 0xFF, pb = p & 0xFF;
            mask[(size_t)j * w + i] = abs(pr - br) > 2 || abs(pg - bg) > 2 || abs(pb - bb) > 2;
        }
    }
    cairo_surface_destroy(img);
    return 0;
}

#endif
