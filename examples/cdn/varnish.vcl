vcl 4.1;

# A shared page cache in front of a storefront built on vtex-session-react/server (pageForRequest).
# A page is shared by (URL, page cache key); the key is computed here from the vtex_segment
# cookie exactly as pageCacheKeyOf computes it on the origin, and the origin says which key it
# rendered (x-page-cache-key): a page is stored only when both agree. Signed-in shoppers and private
# sales channels always reach the origin. The test suite runs this file through Varnish 7.1.
#
# The origin is set by the caller: the tests write the backend line below before loading it.

import blob;
import cookie;
import std;

backend origin {
    .host = "127.0.0.1";
    .port = "ORIGIN_PORT";
}

sub vcl_recv {
    # Cookies may come in several Cookie headers (HTTP/2, some TLS terminators): read them all.
    std.collect(req.http.Cookie, "; ");
    unset req.http.x-page-cache-key;
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The browser's own session, cart and search calls are the shopper's: never from this cache.
    if (req.url ~ "^/api/") {
        return (pass);
    }
    # Signed in (VTEX ID's access token, VtexIdclientAutCookie_{account}): a personal page.
    if (req.http.Cookie ~ "(^|;)\s*VtexIdclientAutCookie[^=]*=") {
        return (pass);
    }
    call page_cache_key;
    if (req.http.x-page-cache-key == "personal") {
        return (pass);
    }
    return (hash);
}

# The page cache key of the vtex_segment cookie (see pageCacheKeyOf): each of the segment's page
# fields as name=value, in one order, joined by &; the facets without zip-code and coordinates.
# "default" without a readable segment; "personal" for a private sales channel or a value that
# cannot be keyed (not text, or a character outside [A-Za-z0-9 ._:;,=+/@-]).
sub page_cache_key {
    cookie.parse(req.http.Cookie);
    set req.http.x-segment-token = cookie.get("vtex_segment");
    # Standard base64 with its padding only: anything else is no segment (the origin agrees).
    if (req.http.x-segment-token !~ "^([A-Za-z0-9+/]{4})+([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$" &&
        req.http.x-segment-token !~ "^([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)$") {
        set req.http.x-page-cache-key = "default";
        unset req.http.x-segment-token;
        return;
    }
    set req.http.x-segment = blob.transcode(decoding=BASE64, encoding=IDENTITY, encoded=req.http.x-segment-token);
    unset req.http.x-segment-token;
    if (req.http.x-segment !~ "^\s*\{") {
        set req.http.x-page-cache-key = "default";
    } else if (req.http.x-segment ~ {""channelPrivacy"\s*:\s*"private""}) {
        set req.http.x-page-cache-key = "personal";
    } else {
        set req.http.x-page-cache-key = "";
        if (req.http.x-segment ~ {"(?s)"channel"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"channel"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&channel=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"channelPrivacy"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"channelPrivacy"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&channelPrivacy=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"cultureInfo"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"cultureInfo"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&cultureInfo=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"currencyCode"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"currencyCode"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&currencyCode=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"countryCode"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"countryCode"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&countryCode=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"regionId"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"regionId"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&regionId=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"priceTables"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"priceTables"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&priceTables=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"campaigns"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"campaigns"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&campaigns=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"utm_source"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"utm_source"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&utm_source=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"utm_campaign"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"utm_campaign"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&utm_campaign=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"utmi_campaign"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"utmi_campaign"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&utmi_campaign=" + req.http.x-value;
        if (req.http.x-segment ~ {"(?s)"facets"\s*:"}) {
            set req.http.x-value = regsub(req.http.x-segment, {"(?s)^.*"facets"\s*:\s*"}, "");
            call key_value;
        } else {
            set req.http.x-value = "";
        }
        call shared_facets;
        set req.http.x-page-cache-key = req.http.x-page-cache-key + "&facets=" + req.http.x-value;
        if (req.http.x-page-cache-key ~ "!") {
            set req.http.x-page-cache-key = "personal";
        }
        # Drop the key's leading "&".
        set req.http.x-page-cache-key = regsub(req.http.x-page-cache-key, "^&", "");
    }
    unset req.http.x-segment;
    unset req.http.x-field;
    unset req.http.x-value;
}

# The JSON text after a field's colon (x-value) made the key's value: null is empty, plain text is
# itself, anything else ("!", never in a key) makes the page personal.
sub key_value {
    if (req.http.x-value ~ "^null\s*[,}]") {
        set req.http.x-value = "";
    } else if (req.http.x-value ~ {"^"[A-Za-z0-9 ._:;,=+/@-]*""}) {
        set req.http.x-value = regsub(req.http.x-value, {"(?s)^"([^"]*)".*$"}, "\1");
    } else {
        set req.http.x-value = "!";
    }
}

# The shopper's own postal code and coordinates are neither in the key nor in the page.
sub shared_facets {
    set req.http.x-value = regsuball(";" + req.http.x-value, ";(zip-code|coordinates)=[^;]*", "");
    set req.http.x-value = regsuball(req.http.x-value, ";+", ";");
    set req.http.x-value = regsub(regsub(req.http.x-value, "^;", ""), ";$", "");
}

sub vcl_hash {
    hash_data(req.url);
    hash_data(req.http.host);
    if (req.http.x-page-cache-key) {
        hash_data(req.http.x-page-cache-key);
    }
    return (lookup);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Stored only when the origin rendered a shared page for this very key and sets no cookie.
    if (beresp.status != 200 || beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "(^|,)\s*public" ||
        beresp.http.x-page-cache-key != bereq.http.x-page-cache-key) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Vary: Cookie guards caches with no key of their own; this one keys by x-page-cache-key.
    set beresp.http.Vary = regsuball(beresp.http.Vary, "(?i)(^|,)\s*cookie\s*(?=,|$)", "");
    set beresp.http.Vary = regsub(beresp.http.Vary, "^\s*,\s*", "");
    if (beresp.http.Vary == "") {
        unset beresp.http.Vary;
    }
    return (deliver);
}

sub vcl_deliver {
    # Caches after this one (a browser, a proxy) have no key of their own: they vary by Cookie.
    if (resp.http.x-page-cache-key) {
        if (resp.http.Vary) {
            set resp.http.Vary = resp.http.Vary + ", Cookie";
        } else {
            set resp.http.Vary = "Cookie";
        }
    }
    # The key this cache computed, for logs and tests (the shopper's own segment: nothing secret).
    if (req.http.x-page-cache-key) {
        set resp.http.x-cdn-page-cache-key = req.http.x-page-cache-key;
    }
    if (obj.hits > 0) {
        set resp.http.x-cache = "HIT";
    } else if (req.http.x-page-cache-key && req.http.x-page-cache-key != "personal") {
        set resp.http.x-cache = "MISS";
    } else {
        set resp.http.x-cache = "PASS";
    }
}
