// Tiled posters: a laid-out graph drawn across pages of a multi-page vector PDF through
// cairo (Graphviz paginates only PostScript). Included by shim.h; called with the Swift
// side's Graphviz lock held.
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

static void jm_text(cairo_t *cr, double x, double y, double size, const char *s) {
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s);
}

static void jm_crop_marks(cairo_t *cr, double x0, double y0, double x1, double y1) {
    const double m = 12;
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, 0.4);
    double xs[2] = {x0, x1}, ys[2] = {y0, y1};
    for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) {
        double x = xs[i], y = ys[j], dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;
        cairo_move_to(cr, x + dx * 2, y); cairo_line_to(cr, x + dx * (2 + m), y);
        cairo_move_to(cr, x, y + dy * 2); cairo_line_to(cr, x, y + dy * (2 + m));
    }
    cairo_stroke(cr);
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

static void jm_paint(cairo_t *cr, cairo_surface_t *rec, double x0, double y0) {
    cairo_set_source_surface(cr, rec, -x0, -y0);
    cairo_paint(cr);
}

// An index page plus cols x rows tiles of tile_w x tile_h points: the recorded drawing
// (extents x0, y0, w, h) scaled by `scale`, `overlap` points shared by neighbours, inside
// `margin` points of border with crop marks and the tile's name. 0 and the PDF in *out.
static inline int jm_render_tiles(cairo_surface_t *rec, double x0, double y0, double w, double h, double scale,
                                  double tile_w, double tile_h, double overlap, double margin,
                                  int cols, int rows, const char *title, unsigned char **out, size_t *out_len) {
    jm_buffer buf = {0};
    cairo_surface_t *surface = cairo_pdf_surface_create_for_stream(jm_buffer_write, &buf, tile_w, tile_h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) { cairo_surface_destroy(surface); free(buf.data); return 1; }
    const double pw = tile_w - 2 * margin, ph = tile_h - 2 * margin;
    const double step_x = pw - overlap, step_y = ph - overlap;
    {   // Index: the whole grid fitted on one page, the drawing inside it, tiles named.
        cairo_t *cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 0, 0, 0);
        jm_text(cr, margin, margin - 10 > 12 ? margin - 10 : 14, 12, title);
        double gw = (cols - 1) * step_x + pw, gh = (rows - 1) * step_y + ph;
        double fit = fmin(pw / gw, (ph - 20) / gh);
        double ox = margin, oy = margin + 20;
        cairo_save(cr);
        cairo_translate(cr, ox, oy);
        cairo_scale(cr, fit * scale, fit * scale);
        jm_paint(cr, rec, x0, y0);
        cairo_restore(cr);
        cairo_set_source_rgb(cr, 0.84, 0.37, 0);
        cairo_set_line_width(cr, 0.8);
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) {
            double x = ox + c * step_x * fit, y = oy + r * step_y * fit;
            cairo_rectangle(cr, x, y, pw * fit, ph * fit);
            cairo_stroke(cr);
            char name[16];
            snprintf(name, sizeof name, "%c%d", 'A' + (c % 26), r + 1);
            jm_text(cr, x + 3, y + 10, 8, name);
        }
        cairo_show_page(cr);
        cairo_destroy(cr);
    }
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) {
        cairo_t *cr = cairo_create(surface);
        cairo_save(cr);
        cairo_rectangle(cr, margin, margin, pw, ph);
        cairo_clip(cr);
        cairo_translate(cr, margin - c * step_x, margin - r * step_y);
        cairo_scale(cr, scale, scale);
        jm_paint(cr, rec, x0, y0);
        cairo_restore(cr);
        jm_crop_marks(cr, margin, margin, margin + pw, margin + ph);
        char name[80];
        snprintf(name, sizeof name, "%c%d   (column %d of %d, row %d of %d)", 'A' + (c % 26), r + 1, c + 1, cols, r + 1, rows);
        cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
        jm_text(cr, margin, tile_h - margin / 3, 7, name);
        cairo_show_page(cr);
        cairo_destroy(cr);
    }
    cairo_surface_finish(surface);
    int failed = cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS || buf.failed;
    cairo_surface_destroy(surface);
    if (failed) { free(buf.data); return 3; }
    *out = buf.data;
    *out_len = buf.len;
    return 0;
}

#endif
