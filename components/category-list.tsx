type Item = { slug: string; name: string; description: string };

/** The four report categories with their plain-language descriptions. */
export function CategoryList({ items }: { items: Item[] }) {
  return (
    <ul className="categories">
      {items.map((item) => (
        <li key={item.slug}>
          <h2>{item.name}</h2>
          <p>{item.description}</p>
        </li>
      ))}
    </ul>
  );
}
