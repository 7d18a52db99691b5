import { describe, expect, it } from "vitest";
import { ApiError, createApiClient, listAll, normalisePath, type Fetch } from "../src/lib/api/client";
import { ResponseCache } from "../src/lib/api/response-cache";

/** A fetch that records the URLs asked and answers from a table. */
function fakeFetch(answers: Record<string, { status?: number; body: unknown; type?: string }>) {
  const asked: string[] = [];
  const fetch: Fetch = async (url) => {
    asked.push(url);
    const answer = answers[url];
    if (!answer) return new Response("no route", { status: 500 });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "Content-Type": answer.type ?? "application/json" },
    });
  };
  return { fetch, asked };
}

describe("normalisePath", () => {
  it("drops slashes and dot segments and keeps the path encoded once", () => {
    expect(normalisePath("/nl/themas/afval/")).toBe("nl/themas/afval");
    expect(normalisePath("nl/../../etc")).toBe("nl/etc");
    expect(normalisePath("nl/caf%C3%A9")).toBe("nl/caf%C3%A9");
  });
});

describe("createApiClient", () => {
  it("asks the content endpoint by path with the expanded components", async () => {
    const { fetch, asked } = fakeFetch({
      "http://api.test/api/content/nl/pers?expand=breadcrumbs%2Ctranslations": {
        body: { "@type": "pressroom.PressRoomPage", title: "Persruimte" },
      },
    });
    const api = createApiClient({ baseUrl: "http://api.test/", fetch });
    const page = await api.content("/nl/pers/", { expand: ["breadcrumbs", "translations"] });
    expect(page.title).toBe("Persruimte");
    expect(asked).toEqual(["http://api.test/api/content/nl/pers?expand=breadcrumbs%2Ctranslations"]);
  });

  it("turns a problem+json answer into an ApiError that knows it is a 404", async () => {
    const problem = { type: "https://vrijhaven.dev/problems/not-found", title: "Not found", status: 404 };
    const { fetch } = fakeFetch({
      "http://api.test/api/content/nl/weg": { status: 404, body: problem, type: "application/problem+json" },
    });
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    const error = await api.content("nl/weg").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).notFound).toBe(true);
    expect((error as ApiError).problem).toEqual(problem);
  });

  it("keeps the status when the error body is not a problem", async () => {
    const fetch: Fetch = async () => new Response("<h1>Bad gateway</h1>", { status: 502 });
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    const error = (await api.content("nl").catch((caught: unknown) => caught)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.notFound).toBe(false);
    expect(error.problem).toBeNull();
  });

  it("sends a GET once more when the connection was closed under it", async () => {
    let calls = 0;
    const fetch: Fetch = async () => {
      calls += 1;
      if (calls === 1) throw new TypeError("fetch failed", { cause: new Error("other side closed") });
      return new Response(JSON.stringify({ title: "Stad Gent" }), { status: 200 });
    };
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    expect((await api.content("nl")).title).toBe("Stad Gent");
    expect(calls).toBe(2);
  });

  it("does not retry forever when the backend is down", async () => {
    let calls = 0;
    const fetch: Fetch = async () => {
      calls += 1;
      throw new TypeError("fetch failed");
    };
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    await expect(api.content("nl")).rejects.toThrow(TypeError);
    expect(calls).toBe(2);
  });

  it("asks the API once for a crowd asking the same page at once, and again after", async () => {
    const asked: string[] = [];
    const waiting: Array<() => void> = [];
    const fetch: Fetch = async (url) => {
      asked.push(url);
      await new Promise<void>((resolve) => waiting.push(resolve));
      return new Response(JSON.stringify({ title: `Stad Gent ${asked.length}` }), { status: 200 });
    };
    const answerAll = async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      waiting.splice(0).forEach((resolve) => resolve());
    };
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    const crowd = Array.from({ length: 50 }, () => api.content("nl"));
    const other = api.content("fr");
    await answerAll();
    const pages = await Promise.all(crowd);
    await other;
    expect(new Set(pages.map((page) => page.title)).size).toBe(1);
    expect(asked).toEqual(["http://api.test/api/content/nl", "http://api.test/api/content/fr"]);

    const later = api.content("nl");
    await answerAll();
    await later;
    expect(asked).toHaveLength(3); // nothing kept (no cache given): a later reader asks anew
  });

  it("gives every reader of a crowd their own answer when the API marks it private (a page under experiment)", async () => {
    const asked: string[] = [];
    const waiting: Array<() => void> = [];
    const fetch: Fetch = async (url) => {
      asked.push(url);
      const view = asked.length;
      await new Promise<void>((resolve) => waiting.push(resolve));
      return new Response(JSON.stringify({ title: "Grof huisvuil", experiment: { version: view % 2 ? "A" : "B", click: `t${view}` } }), {
        status: 200,
        headers: { "Cache-Control": "private, no-store" },
      });
    };
    const answerAll = async () => {
      for (let round = 0; round < 5; round += 1) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        waiting.splice(0).forEach((resolve) => resolve());
      }
    };
    const api = createApiClient({ baseUrl: "http://api.test", fetch, cache: new ResponseCache() });
    const crowd = Array.from({ length: 4 }, () => api.content("nl/themas/grof-huisvuil"));
    await answerAll();
    const pages = await Promise.all(crowd);
    const clicks = pages.map((page) => (page as unknown as { experiment: { click: string } }).experiment.click);
    expect(new Set(clicks).size).toBe(4); // four views, four counted exposures, four tokens
    expect(asked).toHaveLength(4);
  });

  it("never shares a private answer between readers", async () => {
    let calls = 0;
    const fetch: Fetch = async () => {
      calls += 1;
      return new Response(JSON.stringify({ email: `lezer-${calls}@example.be` }), { status: 200 });
    };
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    const answers = await Promise.all([api.getPrivate<{ email: string }>("/p?token=a"), api.getPrivate<{ email: string }>("/p?token=a")]);
    expect(calls).toBe(2);
    expect(answers[0]!.email).not.toBe(answers[1]!.email);
  });

  it("builds v2 listing queries and leaves out empty parameters", async () => {
    const { fetch, asked } = fakeFetch({
      "http://api.test/api/v2/pages/?type=events.EventPage&locale=nl&limit=3": { body: { meta: { total_count: 0 }, items: [] } },
    });
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    await api.pages({ type: "events.EventPage", locale: "nl", theme: undefined, wijk: "", limit: 3 });
    expect(asked).toHaveLength(1);
  });
});

describe("listAll", () => {
  it("walks v2 offsets 20 at a time until the total is reached", async () => {
    const item = (id: number) => ({ id, title: `p${id}`, meta: {} });
    const base = "http://api.test/api/v2/pages/?type=projects.ProjectPage";
    const { fetch, asked } = fakeFetch({
      [`${base}&limit=20&offset=0`]: { body: { meta: { total_count: 25 }, items: Array.from({ length: 20 }, (_, i) => item(i)) } },
      [`${base}&limit=20&offset=20`]: { body: { meta: { total_count: 25 }, items: Array.from({ length: 5 }, (_, i) => item(20 + i)) } },
    });
    const api = createApiClient({ baseUrl: "http://api.test", fetch });
    const items = await listAll(api, { type: "projects.ProjectPage" });
    expect(items.map((p) => p.id)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(asked).toHaveLength(2);
  });
});
