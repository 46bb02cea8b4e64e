package io.github.wheelscout.pypi;

import io.github.wheelscout.requirement.RequirementsFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches remote requirements files (pip's {@code -r https://…}) once the user has allowed them, under the index
 * client's rules: TLS always verified, plain HTTP only to loopback or a trusted host (redirects included), the
 * URL's credentials or the netrc's sent and never shown, proxies and timeouts as configured, and at most 64 MiB
 * read. Made by {@link IndexClients.Builder#remoteFiles()}; close it when the files are read.
 */
public final class RemoteFiles implements RequirementsFile.RemoteSource, AutoCloseable {

    /** One byte more than the largest requirements file read, so that a larger one is reported, not truncated. */
    private static final int MAX_BYTES = 64 * 1024 * 1024 + 1;

    private final OkHttpClient client;
    private final String userAgent;

    RemoteFiles(OkHttpClient client, String userAgent) {
        this.client = client;
        this.userAgent = userAgent;
    }

    /**
     * The bytes at {@code url}.
     *
     * @throws IOException when it is not an http(s) URL, the transport fails, or the answer is not a success;
     *                     the message shows no credential
     */
    @Override
    public byte[] fetch(String url) throws IOException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new IOException("not an http or https URL");
        }
        Request.Builder request = new Request.Builder().header("User-Agent", userAgent);
        if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
            // OkHttp does not send URL userinfo; pip does, as basic authentication.
            request.header("Authorization",
                    new Credentials(parsed.username(), parsed.password()).basicAuthorization());
            parsed = parsed.newBuilder().username("").password("").build();
        }
        try (Response response = client.newCall(request.url(parsed).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from " + Redaction.url(response.request().url()));
            }
            ResponseBody body = response.body();
            try (InputStream in = body.byteStream()) {
                return in.readNBytes(MAX_BYTES);
            }
        } catch (IOException e) {
            throw new IOException(Redaction.text(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()), null);
        }
    }

    /** Releases the connections and threads. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
