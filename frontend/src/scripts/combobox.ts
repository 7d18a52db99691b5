/**
 * Suggestions as one types, for a search field that works without it: the WAI-ARIA APG
 * "combobox with listbox popup" pattern (list autocomplete, no automatic selection).
 *
 * Down/Up move through the suggestions (focus stays in the field, the active option is
 * `aria-activedescendant`), Enter opens the chosen page (or submits the search when none
 * is chosen), Escape closes the list and a second Escape clears the field. The number of
 * suggestions is said through a polite live region. Markup: SearchBox.astro.
 */

interface Item {
  title: string;
  href: string;
  language: string;
}

const DELAY_MS = 200;
const MIN_LENGTH = 2;

export function enhanceComboboxes(root: ParentNode): void {
  root.querySelectorAll<HTMLElement>("[data-combobox]").forEach(enhance);
}

function enhance(box: HTMLElement): void {
  const input = box.querySelector<HTMLInputElement>("input[type=search]");
  const list = box.querySelector<HTMLUListElement>("[role=listbox]");
  const status = box.querySelector<HTMLElement>("[aria-live]");
  if (!input || !list || !status) return;
  const url = box.dataset["suggestUrl"] ?? "/api/suggest";
  const language = box.dataset["language"] ?? "nl";

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  let items: Item[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  const options = () => [...list.querySelectorAll<HTMLLIElement>("[role=option]")];

  function close(): void {
    list!.hidden = true;
    input!.setAttribute("aria-expanded", "false");
    input!.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function highlight(index: number): void {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    const current = all[active];
    if (current) {
      input!.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    }
  }

  function announce(count: number): void {
    const word = count === 0 ? box.dataset["none"] : `${count} ${count === 1 ? box.dataset["one"] : box.dataset["many"]}`;
    status!.textContent = word ?? "";
  }

  function show(found: Item[]): void {
    items = found;
    list!.replaceChildren(
      ...found.map((item, i) => {
        const option = document.createElement("li");
        option.id = `${list!.id}-${i}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title;
        if (item.language !== language) option.lang = item.language;
        option.addEventListener("mousedown", (event) => event.preventDefault()); // keep focus in the field
        option.addEventListener("click", () => go(i));
        return option;
      }),
    );
    active = -1;
    input!.removeAttribute("aria-activedescendant");
    list!.hidden = found.length === 0;
    input!.setAttribute("aria-expanded", String(found.length > 0));
    announce(found.length);
  }

  function go(index: number): void {
    const item = items[index];
    if (item) window.location.assign(item.href);
  }

  async function load(q: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`${url}?${new URLSearchParams({ q, lang: language })}`, { signal: controller.signal });
      if (!response.ok) return close();
      if (input!.value.trim() === q) show((await response.json()) as Item[]);
    } catch {
      // Aborted by newer typing, or offline: the plain form still works.
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < MIN_LENGTH) {
      controller?.abort();
      close();
      return;
    }
    timer = setTimeout(() => void load(q), DELAY_MS);
  });

  input.addEventListener("keydown", (event) => {
    const open = !list.hidden;
    switch (event.key) {
      case "ArrowDown":
        if (!open && items.length) show(items);
        highlight(active + 1);
        event.preventDefault();
        break;
      case "ArrowUp":
        if (open) highlight(active - 1);
        event.preventDefault();
        break;
      case "Enter":
        if (open && active >= 0) {
          event.preventDefault();
          go(active);
        }
        break;
      case "Escape":
        if (open) close();
        else input.value = "";
        event.preventDefault();
        break;
      case "Tab":
        close();
        break;
    }
  });

  input.addEventListener("blur", () => close());
}
