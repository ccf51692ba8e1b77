import Link from "next/link";

type Category = { slug: string; name: string; description: string; examples: string[] };

/** The four report categories, each with examples of what belongs there. */
export function CategoryPicker({
  categories,
  examplesLabel,
  startLabel,
}: {
  categories: Category[];
  examplesLabel: string;
  startLabel: string;
}) {
  return (
    <ul className="categories">
      {categories.map((category) => (
        <li key={category.slug} className="category-card">
          <h3 id={`category-${category.slug}`}>{category.name}</h3>
          <p>{category.description}</p>
          <p className="hint">{examplesLabel}</p>
          <ul>
            {category.examples.map((example) => (
              <li key={example}>{example}</li>
            ))}
          </ul>
          <Link
            href={`/report/${category.slug}`}
            className="button"
            aria-describedby={`category-${category.slug}`}
          >
            {startLabel}
          </Link>
        </li>
      ))}
    </ul>
  );
}
